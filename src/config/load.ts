import { readText } from '../files/read-text.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { UsageError } from '../errors.js';
import { parseOrThrow } from './dotted-path.js';
import { configSchema, type Config } from './schema.js';
import { findConfig } from './find.js';

export function readYaml(file: string): unknown {
  const text = readText(file, file);
  try {
    return parse(text.replace(/^\uFEFF/, '')) ?? {};
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const pos = err.linePos?.[0];
      throw new UsageError(
        // The position is in front already; yaml's own "at line N, column M:" led into a code frame.
        `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '')}`,
      );
    }
    // Not a syntax error but still the file's fault: an alias bomb ("Excessive alias count indicates a
    // resource exhaustion attack", yaml's guard) or nesting deeper than the stack.
    const why =
      err instanceof RangeError ? 'nested too deeply' : (err as Error).message.split('\n')[0];
    throw new UsageError(`${file}: invalid YAML: ${why}`);
  }
}

export interface LoadedConfig {
  file?: string;
  config: Config;
}

export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const file = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return { config: {} };
  if (explicit && !existsSync(file)) throw new UsageError(`config file not found: ${explicit}`);
  return { file, config: parseOrThrow(configSchema, readYaml(file), file) };
}
