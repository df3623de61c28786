/** What a use case hands back to the CLI: stdout text, stderr lines, and the exit code. */
export interface AppResult {
  output: string;
  diagnostics: string[];
  exitCode: number;
}

export function ok(output: string, diagnostics: string[] = [], exitCode = 0): AppResult {
  return { output, diagnostics, exitCode };
}

/** Where a command puts its result: the exit code so far, and a writer for output and diagnostics. */
export interface Exit {
  code: number;
  write: (r: AppResult) => void;
}
