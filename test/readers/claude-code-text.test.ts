import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claudeCode } from '../../src/readers/dialects/claude-code.js';
import { claudeCodeText } from '../../src/readers/dialects/claude-code-text.js';
import type { Obj } from '../../src/readers/values.js';

/** Text that hurts a reader of raw JSON: quotes, backslashes, braces, keys, non-ASCII. */
const nasty = fc.oneof(
  { arbitrary: fc.stringMatching(/^[\w./:-]{0,20}$/), weight: 4 },
  { arbitrary: fc.string(), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '"usage":{"input_tokens":999}',
      'C:\\Users\\dev',
      '{"type":"assistant"}',
      '"timestamp":"1999-01-01T00:00:00.000Z"',
      'ünïcødé ✓ 🚀',
      '"},"requestId":"x',
    ),
    weight: 1,
  },
);
/** null three times in four. */
const rarely = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: a, weight: 1 });
const usage = fc.record(
  {
    input_tokens: fc.nat(100_000),
    cache_creation_input_tokens: fc.nat(100_000),
    cache_read_input_tokens: fc.nat(1_000_000),
    output_tokens: fc.nat(50_000),
    cache_creation: fc.record({
      ephemeral_5m_input_tokens: fc.nat(1000),
      ephemeral_1h_input_tokens: fc.nat(1000),
    }),
    server_tool_use: fc.record({ web_search_requests: fc.nat(5) }),
    service_tier: fc.constantFrom('standard', 'batch', 'priority'),
  },
  { requiredKeys: ['input_tokens', 'output_tokens'] },
);
const block = fc.oneof(
  fc.record({ type: fc.constant('text'), text: nasty }),
  fc.record({
    type: fc.constant('tool_use'),
    id: nasty,
    name: nasty,
    input: fc.dictionary(
      fc.constantFrom('usage', 'model', 'id', 'timestamp', 'requestId', 'type', 'cwd', 'x'),
      fc.oneof(nasty, fc.record({ usage: usage })),
    ),
  }),
);
const line = fc
  .record({
    head: fc.record(
      {
        parentUuid: fc.option(nasty),
        isSidechain: fc.boolean(),
        userType: fc.constant('external'),
        cwd: fc.oneof(nasty, fc.constant('/home/dev/repo')),
        sessionId: fc.oneof(nasty, fc.uuid()),
        version: fc.constant('2.0.31'),
      },
      { requiredKeys: ['sessionId', 'cwd', 'isSidechain'] },
    ),
    // Now and then what no transcript has yet: an object before the message, extra fields after it.
    odd: rarely(fc.record({ nested: fc.record({ cwd: nasty }) })),
    message: fc.record(
      {
        id: fc.oneof(fc.constant('msg_01abc'), nasty),
        type: fc.constant('message'),
        role: fc.constantFrom('assistant', 'assistant', 'user'),
        model: fc.oneof(fc.constantFrom('claude-sonnet-4-5-20250929', '<synthetic>'), nasty),
        content: fc.array(block, { maxLength: 3 }),
        stop_reason: fc.option(fc.constantFrom('end_turn', 'tool_use')),
        usage,
      },
      { requiredKeys: ['id', 'model', 'role', 'content', 'usage'] },
    ),
    tail: fc.record(
      {
        requestId: fc.oneof(fc.constant('req_011C'), nasty),
        type: fc.constantFrom('assistant', 'assistant', 'user'),
        uuid: fc.uuid(),
        timestamp: fc.oneof(fc.constant('2026-10-01T12:00:00.000Z'), nasty),
      },
      { requiredKeys: ['requestId', 'type', 'timestamp'] },
    ),
    oddTail: rarely(
      fc.record(
        {
          costUSD: fc.double({ min: 0, max: 10, noNaN: true }),
          isApiErrorMessage: fc.boolean(),
          toolUseResult: fc.record({ usage: usage }),
        },
        { requiredKeys: [] },
      ),
    ),
    shuffle: fc.constantFrom(false, false, false, true),
  })
  .map(({ head, odd, message, tail, oddTail, shuffle }) => {
    const entries = [
      ...Object.entries(head),
      ...Object.entries(odd ?? {}),
      ['message', message],
      ...Object.entries(tail),
      ...Object.entries(oddTail ?? {}),
    ];
    if (shuffle) entries.reverse();
    return JSON.stringify(Object.fromEntries(entries));
  });

const outcome = (o: Obj) => ({ detect: claudeCode.detect(o), out: claudeCode.normalize(o) });

describe('Claude Code lines read from their text', () => {
  it('parse a shortened line only when it is still the whole record', () => {
    fc.assert(
      fc.property(line, (l) => {
        const short = claudeCodeText.shorten(l);
        if (short === undefined) return;
        let o: Obj;
        try {
          o = JSON.parse(short) as Obj;
        } catch {
          return;
        }
        if (!claudeCodeText.shortOk(o)) return;
        expect(outcome(o)).toEqual(outcome(JSON.parse(l) as Obj));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips only lines that are not assistant messages', () => {
    fc.assert(
      fc.property(line, (l) => {
        const why = claudeCodeText.skipReason(l);
        if (why) expect((JSON.parse(l) as Obj).type).not.toBe('assistant');
      }),
    );
  });
});
