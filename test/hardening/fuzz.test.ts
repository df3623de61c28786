// #12: random bytes, random JSON values and broken records interleaved with valid ones never stop
// `analyze`, never hang it, and never change what the valid records add up to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const VALID = [
  '{"model":"gpt-4o","input_tokens":100,"output_tokens":10,"timestamp":"2025-10-01T10:00:00Z"}',
  '{"id":"chatcmpl-1","object":"chat.completion","created":1759312800,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":50,"completion_tokens":5}}',
  '{"type":"message","id":"msg_1","model":"claude-haiku-4-5","usage":{"input_tokens":30,"output_tokens":3}}',
  '{"timestamp":"2025-10-02T10:00:00Z","model":"gpt-4o","usage":{"prompt_tokens":20,"completion_tokens":2},"metadata":{"feature":"x"}}',
];
const BAD_VALUES = ['-1', '1e400', '1.5', '"x"', 'true', '{}', '[]']; // null and "" read as missing (0)

/** Lines that must not count: noise of every kind, each on its own line. */
const junk = fc.oneof(
  fc
    .uint8Array({ maxLength: 64 })
    .map((b) => Buffer.from(b).toString('latin1').replace(/\n/g, ' ')),
  fc.string({ maxLength: 64 }).map((s) => s.replace(/\n/g, ' ')),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc
    .tuple(fc.constantFrom('input_tokens', 'output_tokens'), fc.constantFrom(...BAD_VALUES))
    .map(([field, v]) =>
      field === 'input_tokens'
        ? `{"model":"gpt-4o","input_tokens":${v},"output_tokens":1}`
        : `{"model":"gpt-4o","input_tokens":1,"output_tokens":${v}}`,
    ),
  fc.constantFrom(
    '{"model":"gpt-4o",',
    '[1,2',
    '"\\',
    '\u0000\u0001',
    '{"usage":null}',
    '{"model":{}}',
  ),
);

async function totals(text: string) {
  const r = await runCli(['analyze', '-', '--json', '--by', 'day,model'], { stdin: text });
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  return { usage: doc.summary.usage, cost: doc.summary.cost, groups: doc.groups.length };
}

describe('analyze under random input', () => {
  it('keeps the valid records exact whatever is interleaved with them', async () => {
    const clean = await totals(VALID.join('\n') + '\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(junk, { maxLength: 3 }), { minLength: 4, maxLength: 4 }),
        async (noise) => {
          // A valid record first, so the stream never starts with gzip magic or a CSV-looking line.
          const lines = VALID.flatMap((v, i) => [v, ...noise[i]!]);
          expect(await totals(lines.join('\n') + '\n')).toEqual(clean);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
