// The content model the content guard read and validated at config time, kept for the pages of the
// same build. Astro renders pages in the process that ran the integration, from a separately bundled
// copy of this module, so the model is kept on globalThis (under a registered symbol), not in a module
// variable. No node: imports: the page bundle imports this file.
import type { ContentModel } from './model.ts';

const KEY = Symbol.for('hoidap.contentModel');
const store = globalThis as typeof globalThis & { [KEY]?: ContentModel };

/** Called by the content guard once the root passed every rule. */
export function keepModel(model: ContentModel): void {
  store[KEY] = model;
}

/** The model kept by the content guard in this process, if it ran. */
export function keptModel(): ContentModel | undefined {
  return store[KEY];
}
