// The build's work on a second core, for a bank of one search shard (a sharded bank's build keeps its
// memory for Astro, docs/scale.md): from `astro:config:done`, while Astro syncs the content layer and
// bundles the pages on its own thread, one worker builds the search data (search-data-thread.ts) and
// another sanitises the entry bodies the content layer renders (sanitize-ahead.ts).
import type { AstroIntegration } from 'astro';
import type { ContentModel } from '../content/model.ts';
import { searchShards } from '../search/shard-options.ts';
import { startSanitizeThread } from './sanitize-ahead.ts';
import { startSearchDataThread } from './search-data-thread.ts';

export function helperThreads(getModel: () => ContentModel): AstroIntegration {
  let building = false;
  let stopSanitizing: (() => Promise<void>) | undefined;
  return {
    name: 'hoidap:helper-threads',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': () => {
        if (!building) return;
        const model = getModel();
        if (searchShards(model.entries).length !== 1) return;
        startSearchDataThread(model);
        stopSanitizing = startSanitizeThread();
      },
      'astro:build:done': async () => {
        await stopSanitizing?.();
      },
    },
  };
}
