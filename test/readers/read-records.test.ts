import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/app/analyze-tally.js';
import { readRecords } from '../../src/readers/read-records.js';

async function readAll(text: string, fields: string[] = []) {
  const sink = new Tally();
  async function* stdin() {
    yield Buffer.from(text);
  }
  const batches = [];
  for await (const b of readRecords('-', { file: '(stdin)', stdin: stdin(), fields, sink }))
    batches.push(b);
  return {
    sink,
    records: batches.flatMap((b) => b.records),
    lines: batches.flatMap((b) => b.lines),
  };
}

describe('readRecords', () => {
  it('yields checked records with their lines, and reports everything else to the sink as data', async () => {
    const { sink, records, lines } = await readAll(
      [
        '{"model":"gpt-4o","input_tokens":1,"output_tokens":2}',
        'not json',
        '{"model":"gpt-4o","input_tokens":-1,"output_tokens":2}',
        '{"type":"message_start"}',
        '{"model":"gpt-4o","input_tokens":3,"output_tokens":4}',
        '{"model":"gpt-4o","input_tok',
      ].join('\n'),
    );
    expect(records.map((r) => r.input)).toEqual([1, 3]);
    expect(lines).toEqual([1, 5]);
    expect(sink.lines).toBe(6);
    expect(Object.fromEntries(sink.malformed)).toEqual({
      'invalid JSON': 1,
      'invalid input_tokens (negative)': 1,
      'missing field: message_start.message.usage': 1, // an Anthropic stream event, no message in it
    });
    expect(Object.fromEntries(sink.skipped)).toEqual({ 'partial last line': 1 });
  });

  it('resolves --by field paths into plain tags as it reads, and notes the fields records carry', async () => {
    const { sink, records } = await readAll(
      '{"model":"gpt-4o","input_tokens":1,"output_tokens":1,"meta":{"team":"a"}}\n' +
        '{"model":"gpt-4o","input_tokens":1,"output_tokens":1,"other":1}\n',
      ['meta.team'],
    );
    expect(records.map((r) => r.tags?.['meta.team'])).toEqual(['a', undefined]);
    expect([...sink.fieldsSeen].sort()).toEqual([
      'input_tokens',
      'model',
      'other',
      'output_tokens',
    ]);
  });
});
