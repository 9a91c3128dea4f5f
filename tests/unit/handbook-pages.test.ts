// When the site's build writes the field handbook pages (src/handbook/options.ts, fieldHandbooksBuilt).
import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDBOOK_PAGES_MAX, fieldHandbooksBuilt } from '../../src/handbook/options.ts';

describe('fieldHandbooksBuilt', () => {
  it('builds them up to the default threshold, not above', () => {
    expect(fieldHandbooksBuilt(DEFAULT_HANDBOOK_PAGES_MAX, {})).toBe(true);
    expect(fieldHandbooksBuilt(DEFAULT_HANDBOOK_PAGES_MAX + 1, {})).toBe(false);
  });

  it('reads the threshold from HOIDAP_HANDBOOK_PAGES_MAX', () => {
    expect(fieldHandbooksBuilt(2, { HOIDAP_HANDBOOK_PAGES_MAX: '1' })).toBe(false);
    expect(fieldHandbooksBuilt(1, { HOIDAP_HANDBOOK_PAGES_MAX: '1' })).toBe(true);
  });

  it('builds them whatever the size with HOIDAP_HANDBOOK_PAGES=always (what `npm run handbook` sets)', () => {
    expect(fieldHandbooksBuilt(1_000_000, { HOIDAP_HANDBOOK_PAGES: 'always' })).toBe(true);
    expect(fieldHandbooksBuilt(1_000_000, { HOIDAP_HANDBOOK_PAGES: 'auto' })).toBe(false);
  });

  it('refuses a value it does not know, naming the variable', () => {
    expect(() => fieldHandbooksBuilt(1, { HOIDAP_HANDBOOK_PAGES: 'yes' })).toThrow(/HOIDAP_HANDBOOK_PAGES must be "auto" or "always", got "yes"/);
    expect(() => fieldHandbooksBuilt(1, { HOIDAP_HANDBOOK_PAGES_MAX: 'many' })).toThrow(/HOIDAP_HANDBOOK_PAGES_MAX must be a whole number, got "many"/);
  });
});
