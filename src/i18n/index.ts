import { vi, type Strings } from './vi.ts';

/** The UI strings of the site's locale. Vietnamese is the only locale today. */
export const t: Strings = vi;
export const LANG = 'vi';
