import { readFileSync } from 'node:fs';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { buildEncoding, loadEncoding, type Encoding } from '../../src/tokenize/encoding.js';
import { readRankFile } from '../../src/tokenize/rank-file.js';
import { MapRanks } from '../../src/tokenize/bpe.js';
import { TokenCounter } from '../../src/tokenize/counter.js';
import { chatTokens, parseChat } from '../../src/tokenize/chat.js';

const plain = { o200k_base: new Tiktoken(o200k), cl100k_base: new Tiktoken(cl100k) };
const data = { o200k_base: o200k, cl100k_base: cl100k };
/** The encoding over the table `npm run build` writes (run from src/, loadEncoding falls back to a Map). */
function prebuilt(name: keyof typeof data): Encoding {
  const { pattern, ranks } = readRankFile(`dist/tokenize/tables/${name}.bin`);
  return { name, pattern: new RegExp(pattern, 'gu'), ranks };
}

const mb = (() => {
  const base =
    readFileSync('fixtures/count-repo/prompts/system.md', 'utf8') +
    readFileSync('src/core/estimate.ts', 'utf8');
  let s = '';
  for (let i = 0; s.length < 1_000_000; i++) s += base.replace(/Acme/g, `Acme${i}`);
  return s;
})();

const TEXTS: [string, string][] = [
  ['english', "The quick brown fox jumps over the lazy dog. It's 9:30 and we've got 3 dogs!"],
  [
    'code',
    'function f(x: number): number {\n  return x ** 2 + 0x1F; // square\n}\n\tconst a=[1,2,3];',
  ],
  ['cjk', '日本語のテキストです。中文文本，한국어 텍스트.'],
  ['emoji', '🎉 party 👨‍👩‍👧 family 🇺🇸 flag ❤️'],
  ['whitespace', '     lots   of    spaces\n\n\n\t\t  \r\n  trailing   '],
  ['digits', '1234567890 3.14159 1e10 0007 123456789012345678901234567890'],
  ['special tokens as text', 'a <|endoftext|> b <|endofprompt|> c <|im_start|>'],
  ['contractions', "I'LL they'RE we've she'd it'S don't"],
  ['combining', 'e\u0301 a\u0308 \u0915\u093f'],
  ['long run', 'a'.repeat(3000) + ' ' + '-'.repeat(2000)],
  ['1 MB', mb],
];

describe.each(['o200k_base', 'cl100k_base'] as const)('TokenCounter %s', (name) => {
  it.each(TEXTS)(
    '%s: equals js-tiktoken encode(text, [], []).length (prebuilt table and Map)',
    (_label, text) => {
      const expected = plain[name].encode(text, [], []).length;
      expect(new TokenCounter(prebuilt(name)).count(text)).toBe(expected);
      expect(new TokenCounter(buildEncoding(name, data[name])).count(text)).toBe(expected);
    },
  );

  it('counts "hello world" as 2 tokens', async () => {
    expect(new TokenCounter(await loadEncoding(name)).count('hello world')).toBe(2);
  });

  it('gives the same count on repeat (memo) and for an empty string', async () => {
    const c = new TokenCounter(await loadEncoding(name));
    expect(c.count(TEXTS[0]![1])).toBe(c.count(TEXTS[0]![1]));
    expect(c.count('')).toBe(0);
  });
});

describe('TokenCounter with a pattern that skips text', () => {
  it('counts only what the pattern matches, as tiktoken does', () => {
    const ranks = new MapRanks(
      new Map([
        ['ab', 0],
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ]),
    );
    const c = new TokenCounter({ name: 'o200k_base', pattern: /[a-d]+/gu, ranks });
    expect(c.count('ab, cd!! ab')).toBe(1 + 2 + 1);
    expect(c.count('!!!')).toBe(0);
    expect(c.count('ab')).toBe(1);
  });
});

describe('chat counting', () => {
  it('adds 3 tokens a message, 1 a name, and 3 to prime the reply', async () => {
    const c = new TokenCounter(await loadEncoding('o200k_base'));
    const convos = parseChat(readFileSync('fixtures/count-repo/prompts/chat.json', 'utf8'), false)!;
    const n = (s: string) => plain.o200k_base.encode(s, [], []).length;
    const expected =
      3 * 3 +
      3 +
      1 +
      n('system') +
      n('You are a helpful assistant.') +
      n('user') +
      n('What does llmcost do?') +
      n('assistant') +
      n('It tells you what your LLM usage costs.') +
      n('helper');
    expect(chatTokens(convos, (s) => c.count(s))).toBe(expected);
  });

  it.each([
    ['{"messages":[{"role":"user","content":"hi"}]}', false, 1],
    ['{"role":"user","content":"a"}\n{"role":"assistant","content":"b"}\n', true, 1],
    [
      '{"messages":[{"role":"user","content":"a"}]}\n{"messages":[{"role":"user","content":"b"}]}',
      true,
      2,
    ],
    ['{"role":"user","content":[{"type":"text","text":"parts"}]}', true, 1],
    ['{"not":"chat"}', false, 0],
    ['[1,2,3]', false, 0],
    ['not json', false, 0],
  ])('parses %s', (text, jsonl, convos) => {
    expect(parseChat(text, jsonl)?.length ?? 0).toBe(convos);
  });
});
