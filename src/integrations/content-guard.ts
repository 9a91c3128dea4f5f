// Fails the build (and dev start) when the content root breaks any rule of the contract, with the same
// messages as `npm run check`. Astro's own schema pass would miss the cross-file rules.
import type { AstroIntegration } from 'astro';
import type { ContentModel } from '../lib/model.ts';
import { contentRoot } from '../lib/content-root.ts';
import { buildDate } from '../lib/dates.ts';
import { errorsOf, formatIssues } from '../lib/issues.ts';
import { readContentRoot } from '../lib/read-content-root.ts';

export function contentGuard(onValid: (model: ContentModel) => void = () => {}): AstroIntegration {
  return {
    name: 'hoidap:content-guard',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const root = contentRoot();
        const { model, issues } = readContentRoot(root, buildDate());
        const errors = errorsOf(issues);
        if (errors.length > 0) {
          throw new Error(`Content in ${root} breaks the content contract (${errors.length} error${errors.length > 1 ? 's' : ''}):\n${formatIssues(errors)}`);
        }
        onValid(model);
        const count = (status: string) => model.entries.filter((e) => e.data.status === status).length;
        logger.info(`content root ${root}: ${count('published')} published, ${count('superseded')} superseded, ${count('withdrawn')} withdrawn, ${count('draft')} draft (not published)`);
      },
    },
  };
}
