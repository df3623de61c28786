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

/** The system's error codes a file operation meets, in words. */
const ERRNO: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'it already exists',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
};

/**
 * Why a file operation failed, for a one-line error: the code in words and as the system gives it, which
 * is what one searches for ("no such file or folder (ENOENT)"); any other error, its message.
 */
export function failure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return err instanceof Error ? err.message : String(err);
  return codeText(code);
}

/** A system error code in words, with the code: "permission denied (EACCES)"; an unknown code as it is. */
export function codeText(code: string): string {
  const words = ERRNO[code];
  return words ? `${words} (${code})` : code;
}
