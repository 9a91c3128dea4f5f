// The one module that gives pages the content: the content guard's model (read and validated once per
// build) for data, and Astro's entry collection only where an entry body is rendered. Nothing else calls
// getCollection or render from astro:content.
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { ContentModel } from '../content/model.ts';
import { keptModel } from '../content/kept-model.ts';
import { contentRoot } from '../content/root.ts';
import { buildDate } from '../content/dates.ts';
import { errorsOf, formatIssues } from '../content/issues.ts';
import { readContentRoot } from '../content/read-root.ts';

let readOnce: ContentModel | undefined;

/**
 * The validated content model. In a build it is the content guard's; when the guard's copy is not in
 * this process the root is read and validated here, once. The dev server re-reads on every call, so an
 * edited file shows on the next page load as it did with Astro's collections.
 */
export function contentModel(): ContentModel {
  if (import.meta.env.DEV) return readValidated();
  readOnce ??= keptModel() ?? readValidated();
  return readOnce;
}

function readValidated(): ContentModel {
  const root = contentRoot();
  const { model, issues } = readContentRoot(root, buildDate());
  const errors = errorsOf(issues);
  if (errors.length) throw new Error(`Content in ${root} breaks the content contract:\n${formatIssues(errors)}`);
  return model;
}

export type RenderableEntry = CollectionEntry<'entries'>;

let renderable: Promise<Map<string, RenderableEntry>> | undefined;

/** Entries with a page (every status but draft), by id, as Astro entries: what renderEntry takes. */
export function renderableEntries(): Promise<Map<string, RenderableEntry>> {
  renderable ??= getCollection('entries', (e) => e.data.status !== 'draft').then((list) => new Map(list.map((e) => [e.id, e])));
  return renderable;
}

/** Renders an entry body (Markdown or MDX) to an Astro component. */
export function renderEntry(entry: RenderableEntry) {
  return render(entry);
}
