import { resolve } from 'node:path';
import { parseOrThrow } from './dotted-path.js';
import { readYaml } from './load.js';
import type { Config } from './schema.js';
import type { OverrideSet } from '../pricing/catalog.js';
import { pricingFile } from '../pricing/overrides-schema.js';

/** Override sets in precedence order: the config file's `pricing:`, then each --pricing file. */
export function overrideSets(
  cwd: string,
  config: Config,
  configFile: string | undefined,
  files: string[],
): OverrideSet[] {
  const sets: OverrideSet[] = [];
  if (config.pricing && configFile) sets.push({ file: configFile, models: config.pricing.models });
  for (const f of files) {
    const path = resolve(cwd, f);
    sets.push({ file: f, models: parseOrThrow(pricingFile, readYaml(path), f).models });
  }
  return sets;
}
