/** Bad usage, config or input: exit 2 with one line and a hint. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, check: 1, usage: 2 } as const;
