import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sseLine } from '../../src/readers/sse.js';
import { runCli } from '../helpers/run-cli.js';

describe('sseLine', () => {
  it.each([
    ['data: {"a":1}', { json: '{"a":1}' }],
    ['data:{"a":1}', { json: '{"a":1}' }],
    ['data:  {"a":1} ', { json: '{"a":1}' }],
    ['data: [DONE]', { skip: 'SSE end of stream ([DONE])' }],
    ['data:[DONE]', { skip: 'SSE end of stream ([DONE])' }],
    ['data:', { skip: 'SSE empty data line' }],
    ['data: ', { skip: 'SSE empty data line' }],
    [': ping', { skip: 'SSE comment' }],
    [':', { skip: 'SSE comment' }],
    ['event: message_start', { skip: 'SSE event line' }],
    ['event:ping', { skip: 'SSE event line' }],
    ['id: 42', { skip: 'SSE id line' }],
    ['retry: 3000', { skip: 'SSE retry line' }],
    // Not SSE fields: left to the JSON reader (invalid JSON, counted as malformed).
    ['dataset: {"a":1}', undefined],
    ['Data: {"a":1}', undefined],
    ['foo: bar', undefined],
    ['[1,2]', undefined],
    ['x', undefined],
  ])('%j', (line, want) => {
    expect(sseLine(line)).toEqual(want);
  });
});

describe('analyze of a captured stream (server-sent events)', () => {
  const capture = readFileSync('fixtures/logs/sse-capture.txt');

  it('reads the JSON of data lines and counts the framing as not usage, from a file, stdin or gzip', async () => {
    const runs = [
      await runCli(['analyze', 'fixtures/logs/sse-capture.txt', '--json']),
      await runCli(['analyze', '--json'], { stdin: capture }),
      await runCli(['analyze', '--json'], { stdin: gzipSync(capture) }),
    ];
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.malformed).toEqual({});
      expect(doc.skipped).toMatchObject({
        'SSE event line': 7,
        'SSE comment': 1,
        'SSE end of stream ([DONE])': 1,
      });
      expect(doc.summary.usage).toMatchObject({
        input: 176 + 20,
        cacheRead: 1024 + 3000,
        cacheWrite5m: 500,
        output: 80 + 250,
      });
    }
  });

  it('still counts a data line that is not JSON as malformed', async () => {
    const r = await runCli(['analyze', '--json'], { stdin: 'data: {"id":\nevent: x\n' });
    expect(JSON.parse(r.stdout).malformed).toMatchObject({ 'invalid JSON': 1 });
  });
});
