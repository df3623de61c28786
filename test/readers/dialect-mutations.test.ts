// Every dialect meets damaged values in the fields it reads: a record either reads or is malformed with a
// reason (BadRecord), never an exception that only says "unreadable record (TypeError)".
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DialectDetector } from '../../src/readers/dialects/index.js';
import { BadRecord, type Obj } from '../../src/readers/values.js';

const DIR = 'fixtures';
const samples: Obj[] = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.jsonl?$/.test(f))
  .flatMap((f) => {
    const text = readFileSync(`${DIR}/${f}`, 'utf8');
    try {
      const doc: unknown = JSON.parse(text);
      return Array.isArray(doc) ? doc : [doc];
    } catch {
      return text.split('\n').flatMap((l) => {
        try {
          return [JSON.parse(l) as unknown];
        } catch {
          return [];
        }
      });
    }
  })
  .filter((v): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v));

/** Values that broke readers: objects whose toString or valueOf a log replaced, a __proto__ key. */
const HOSTILE = fc.constantFrom(
  ...[
    '{"toString":false}',
    '{"valueOf":null,"toString":1}',
    '{"__proto__":{"input_tokens":5}}',
    '[{"toString":false}]',
    '-1',
    '1e300',
    '0.5',
    '""',
    '"9007199254740993"',
  ].map((text) => JSON.parse(text) as unknown),
);

/** Every path to a value inside `v` (object keys and array indexes). */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  if (v !== null && typeof v === 'object')
    for (const [k, child] of Object.entries(v)) {
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(child, p, out);
    }
  return out;
}

function replaced(o: Obj, path: (string | number)[], value: unknown): Obj {
  const copy = structuredClone(o);
  let cur: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

describe('dialects under damaged fields', () => {
  it(`reads or rejects with a reason (${samples.length} fixture records)`, () => {
    expect(samples.length).toBeGreaterThan(150);
    fc.assert(
      fc.property(
        fc.nat(samples.length - 1),
        fc.nat(),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), HOSTILE),
        (which, where, value) => {
          const sample = samples[which]!;
          const all = paths(sample);
          const o = all.length ? replaced(sample, all[where % all.length]!, value) : sample;
          try {
            new DialectDetector().normalize(o);
          } catch (err) {
            if (!(err instanceof BadRecord)) throw err;
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: Number(process.env.FUZZ_SEED ?? 7) },
    );
  });
});
