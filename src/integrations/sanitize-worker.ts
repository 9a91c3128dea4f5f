// The worker thread of sanitize-ahead.ts: sanitises each batch of rendered bodies it is sent. A body the
// sanitiser rejects comes back as null: its page sanitises it again and fails with the sanitiser's error.
import { parentPort } from 'node:worker_threads';
import { sanitizeEntryHtml } from '../content/sanitize-html.ts';

parentPort!.on('message', ({ id, batch }: { id: number; batch: string[] }) => {
  const out = batch.map((html) => {
    try {
      return sanitizeEntryHtml(html);
    } catch {
      return null;
    }
  });
  parentPort!.postMessage({ id, out });
});
