/** What a use case hands back to the CLI: stdout text, stderr lines, and the exit code. */
export interface AppResult {
  output: string;
  diagnostics: string[];
  exitCode: number;
}

export function ok(output: string, diagnostics: string[] = [], exitCode = 0): AppResult {
  return { output, diagnostics, exitCode };
}
