// One way for the handbook printer to fail: a message the user can act on and an exit code.

/** A problem the user can fix: the CLI prints it without a stack trace. */
export class HandbookError extends Error {
  code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

/** Throws a {@link HandbookError}. A declared function, so TypeScript knows the code after it is unreachable. */
export function fail(msg: string, code = 1): never {
  throw new HandbookError(msg, code);
}
