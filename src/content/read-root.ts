import { loadContent } from './load-content.ts';
import { validateModel } from './validate.ts';
import { validateQuestions } from '../questions/validate.ts';
import { siteNow } from '../site.config.ts';
import fs from 'node:fs';

/** Reads and validates a whole content root: schema errors per file plus the cross-file rules. */
export function readContentRoot(root: string, today: string, now: Date = siteNow()) {
  const { model, issues } = loadContent(root);
  issues.push(...validateModel(model, { today }));
  issues.push(...validateQuestions(model, now, (f) => fs.readFileSync(f, 'utf8')));
  return { model, issues };
}
