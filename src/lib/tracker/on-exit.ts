/**
 * The library's one touch of `process` (the CLI's is src/context.ts): flush hooks run when the process
 * exits normally, so buffered log lines are not lost when a program ends without `await tracker.close()`.
 */
const hooks = new Set<() => void>();
let installed = false;

export function onExit(hook: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', () => {
      for (const h of hooks) {
        try {
          h();
        } catch {
          // Exiting anyway: one failed flush must not stop the others.
        }
      }
    });
  }
  hooks.add(hook);
  return () => hooks.delete(hook);
}
