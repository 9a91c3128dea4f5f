// Sanitises the entry bodies the content layer renders on a worker thread, while Astro syncs and bundles
// on its own (src/content/sanitize-ahead.ts); the entry pages then only look the results up. Started by
// helper-threads.ts for a bank of one search shard.
import { Worker } from 'node:worker_threads';
import { registerSanitizeAhead } from '../content/sanitize-ahead.ts';

/** Bodies per message: one message per body would cost Astro's thread more than it saves. */
const BATCH = 256;

/** Starts the worker and registers it as this process's helper; returns a function that stops it. */
export function startSanitizeThread(): () => Promise<void> {
  const worker = new Worker(new URL('./sanitize-worker.ts', import.meta.url));
  // A failed build must not wait for it.
  worker.unref();
  const results = new Map<string, string>();
  const onTheWay = new Map<string, Promise<void>>();
  const replies = new Map<number, (out: (string | null)[] | undefined) => void>();
  let queue: string[] = [];
  let nextBatch = 0;
  let stopped = false;
  // On any failure of the thread, every body still on its way is sanitised by its page instead.
  const stop = () => {
    stopped = true;
    for (const reply of [...replies.values()]) reply(undefined);
  };
  worker.on('message', ({ id, out }: { id: number; out: (string | null)[] }) => replies.get(id)?.(out));
  worker.on('error', stop);
  worker.on('exit', stop);

  const flush = () => {
    if (stopped || queue.length === 0) return;
    const id = nextBatch++;
    const batch = queue;
    queue = [];
    const done = new Promise<void>((resolve) => {
      replies.set(id, (out) => {
        replies.delete(id);
        batch.forEach((html, i) => {
          const clean = out?.[i];
          if (typeof clean === 'string') results.set(html, clean);
          onTheWay.delete(html);
        });
        resolve();
      });
    });
    for (const html of batch) onTheWay.set(html, done);
    worker.postMessage({ id, batch });
  };
  registerSanitizeAhead({
    add(html) {
      if (stopped || results.has(html) || onTheWay.has(html)) return;
      queue.push(html);
      if (queue.length >= BATCH) flush();
    },
    flush,
    async take(html) {
      await onTheWay.get(html);
      return results.get(html);
    },
  });
  return async () => {
    registerSanitizeAhead(undefined);
    stop();
    await worker.terminate();
  };
}
