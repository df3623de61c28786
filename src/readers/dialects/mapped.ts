import type { Outcome } from '../../core/usage-record.js';
import { UsageError } from '../../errors.js';
import { getPath, num, optNum, str, tagValue, time } from '../values.js';
import type { Dialect } from './types.js';

const TARGETS = [
  'model',
  'timestamp',
  'input',
  'inputTotal',
  'cacheRead',
  'cacheWrite',
  'cacheWrite1h',
  'output',
  'reasoning',
  'requests',
  'cost',
  'id',
] as const;
type Target = (typeof TARGETS)[number];

export interface FieldMap {
  fields: Partial<Record<Target, string>>;
  tags: Record<string, string>;
}

/**
 * `--map model=response.model,inputTotal=usage.prompt_tokens,output=usage.completion_tokens,tag.team=meta.team`.
 * `input` is uncached input; `inputTotal` includes the cache fields (which are then subtracted).
 */
export function parseFieldMap(spec: string): FieldMap {
  const map: FieldMap = { fields: {}, tags: {} };
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [target, path] = part.split('=').map((s) => s.trim());
    if (!target || !path)
      throw new UsageError(
        `--map: "${part}" is not TARGET=PATH`,
        `targets: ${TARGETS.join(', ')}, tag.NAME`,
      );
    if (target.startsWith('tag.')) map.tags[target.slice(4)] = path;
    else if ((TARGETS as readonly string[]).includes(target)) map.fields[target as Target] = path;
    else
      throw new UsageError(
        `--map: unknown target "${target}"`,
        `targets: ${TARGETS.join(', ')}, tag.NAME`,
      );
  }
  if (!map.fields.model) throw new UsageError('--map needs model=PATH');
  if (!map.fields.input && !map.fields.inputTotal && !map.fields.output)
    throw new UsageError('--map needs input=PATH (or inputTotal=PATH) and output=PATH');
  return map;
}

export function mappedDialect(map: FieldMap): Dialect {
  const f = map.fields;
  const at = (o: object, t: Target) => (f[t] ? getPath(o, f[t]) : undefined);
  return {
    name: 'mapped',
    detect: () => true,
    normalize(o): Outcome {
      const model = str(at(o, 'model'));
      if (!model) return { invalid: `no model at ${f.model}` };
      const read = num(at(o, 'cacheRead'));
      const write = num(at(o, 'cacheWrite'));
      const write1h = num(at(o, 'cacheWrite1h'));
      const input = f.input
        ? num(at(o, 'input'))
        : Math.max(0, num(at(o, 'inputTotal')) - read - write - write1h);
      const ts = time(at(o, 'timestamp'));
      const cost = optNum(at(o, 'cost'));
      const tags = Object.fromEntries(
        Object.entries(map.tags).map(([name, path]) => [name, tagValue(getPath(o, path)) ?? '']),
      );
      const id = str(at(o, 'id'));
      return {
        model,
        ...(ts !== undefined ? { timestamp: ts } : {}),
        input,
        cacheRead: read,
        cacheWrite5m: write,
        cacheWrite1h: write1h,
        output: num(at(o, 'output')),
        reasoning: num(at(o, 'reasoning')),
        requests: optNum(at(o, 'requests')) ?? 1,
        ...(cost !== undefined ? { loggedCost: cost } : {}),
        ...(Object.keys(tags).length ? { tags } : {}),
        ...(id ? { dedup: { key: `mapped:${id}`, keep: 'first' as const } } : {}),
      };
    },
  };
}
