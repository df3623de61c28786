import type { z } from 'zod';
import { UsageError } from '../errors.js';

/** `pricing.models[2].input` from a zod issue path. */
export function dottedPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, file: string, prefix = ''): T {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const issue = res.error.issues[0]!;
  throw new UsageError(
    `${file}: ${dottedPath(prefix, issue.path)}: ${issue.message}`,
    res.error.issues.length > 1
      ? `${res.error.issues.length - 1} more problem(s) in the same file`
      : undefined,
  );
}
