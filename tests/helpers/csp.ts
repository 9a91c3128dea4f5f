// Collects Content-Security-Policy violations of a Chromium page: the console's "Refused to …" lines
// and, when `listen` is set, a `securitypolicyviolation` listener installed before any page script.
import type { Page } from 'playwright-core';

/** The returned list fills as the page loads; assert it is empty (or not) after the page settles. */
export async function watchCspViolations(page: Page, listen = true): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  if (listen) {
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`));
    });
  }
  return violations;
}
