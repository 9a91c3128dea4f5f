import { loadContent } from './load-content.ts';
import { validateModel } from './validate.ts';

/** Reads and validates a whole content root: schema errors per file plus the cross-file rules. */
export function readContentRoot(root: string, today: string) {
  const { model, issues } = loadContent(root);
  issues.push(...validateModel(model, { today }));
  return { model, issues };
}
