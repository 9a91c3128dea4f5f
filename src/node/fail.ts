// The one way a command fails: a message the user can act on, printed without a stack trace, and an
// exit code (1: the content or input is wrong; 2: the command line is wrong). Modules throw CliError
// (or call fail); the CLI's runCli prints `<command>: <message>` and sets the exit code. Any other
// error is a bug and keeps its stack trace.

export class CliError extends Error {
  code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}

/** Throws a {@link CliError}. A declared function, so TypeScript knows the code after it is unreachable. */
export function fail(message: string, code = 1): never {
  throw new CliError(message, code);
}

/**
 * Runs a command's main: its return value (if a number) becomes the exit code; a CliError is printed
 * by `print` (default: `<name>: <message>` on stderr) and its code becomes the exit code.
 */
export async function runCli(
  name: string,
  main: () => number | void | Promise<number | void>,
  print: (err: CliError) => void = (err) => console.error(`${name}: ${err.message}`),
): Promise<void> {
  try {
    const code = await main();
    if (typeof code === 'number') process.exitCode = code;
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    print(err);
    process.exitCode = err.code;
  }
}
