// The handbook printer fails the way every command does (src/node/fail.ts); the old name stays for
// the printer's modules and tests.
export { CliError as HandbookError, fail } from '../node/fail.ts';
