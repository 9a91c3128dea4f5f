// The project's Astro integrations. The content root is read and validated once, at config time,
// and the same model serves the later build steps and the pages (kept-model.ts).
import type { AstroIntegration } from 'astro';
import { contentGuard } from './content-guard.ts';
import { searchIndex } from './search-index.ts';
import { helperThreads } from './helper-threads.ts';
import { precompress } from './precompress.ts';
import { serviceWorker } from './service-worker.ts';
import { securityHeaders } from './security-headers.ts';
import { siteBase } from '../site.config.ts';
import { buildTimings } from './build-timings.ts';
import type { ContentModel } from '../content/model.ts';
import { keepModel } from '../content/kept-model.ts';

export function hoidap(): AstroIntegration[] {
  let model: ContentModel | undefined;
  const getModel = () => {
    if (!model) throw new Error('content model requested before the content guard ran');
    return model;
  };
  // Order matters: build:done hooks run in this order, and precompression must see the index.
  // buildTimings first: its hooks mark the start of each phase (inactive unless HOIDAP_BUILD_TIMINGS is set).
  // serviceWorker after the index (it precaches it), before the headers and precompression (sw.js gets both).
  return [buildTimings(), contentGuard((m) => keepModel((model = m))), helperThreads(getModel), searchIndex(getModel), serviceWorker(), securityHeaders(siteBase()), precompress()];
}
