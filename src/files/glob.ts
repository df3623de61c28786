import { UsageError } from '../errors.js';

/**
 * Glob patterns as people write them in configs, CI and .gitignore files: `*` (not across "/"), `**` (any
 * depth; `**\/` also matches no folder at all), `?`, `[abc]`/`[a-z]`/`[!x]`/`[^x]` (never "/"), `\x` for a
 * literal x, and `{a,b}` alternatives where braces are on. Matched against forward-slash relative paths.
 *
 * Patterns come from files other people write, so matching must not depend on the pattern's shape:
 * a glob compiles to a small automaton that is run over the name once, keeping the set of states it could
 * be in (Thompson's construction). That is linear in the name's length times the pattern's, whatever the
 * pattern; a backtracking regular expression built from `*a*a*a*a*b` takes minutes on a long name.
 * Unusual patterns behave as git's wildmatch does: a reversed range (`[z-a]`) matches nothing, an
 * unclosed `[` or `{` is a literal character, a trailing `\` is literal.
 */
export interface GlobMatcher {
  test(path: string): boolean;
}

export interface GlobOptions {
  /** `{a,b}` alternatives (not in .gitignore, where braces are literal). Default true. */
  braces?: boolean;
}

const SLASH = 47;

/** A state: consumes one character (`test`) or splits without consuming (`alt`); -1 is the match state. */
interface State {
  test?: (c: number) => boolean;
  next: number;
  alt?: number[];
}

/** Pieces of a parsed pattern; `one` consumes a character, the rest are built from pieces. */
type Piece =
  | { kind: 'one'; test: (c: number) => boolean }
  | { kind: 'star' }
  | { kind: 'globstar'; slash: boolean }
  | { kind: 'choice'; options: Piece[][] };

const notSlash = (c: number) => c !== SLASH;
const any = () => true;

/** Parses `[...]` at i; returns the test and the index after `]`, or undefined when it is not closed. */
function bracket(
  glob: string,
  i: number,
): { test: (c: number) => boolean; end: number } | undefined {
  let j = i + 1;
  const negate = glob[j] === '!' || glob[j] === '^';
  if (negate) j++;
  const ranges: [number, number][] = [];
  let first = true;
  while (j < glob.length && (glob[j] !== ']' || first)) {
    first = false;
    let lo = glob.codePointAt(j)!;
    if (glob[j] === '\\' && j + 1 < glob.length) lo = glob.codePointAt(++j)!;
    j += lo > 0xffff ? 2 : 1;
    let hi = lo;
    if (glob[j] === '-' && j + 1 < glob.length && glob[j + 1] !== ']') {
      j++;
      if (glob[j] === '\\' && j + 1 < glob.length) j++;
      hi = glob.codePointAt(j)!;
      j += hi > 0xffff ? 2 : 1;
    }
    ranges.push([lo, hi]); // a reversed range keeps lo > hi and so matches nothing, as in git
  }
  if (j >= glob.length) return undefined;
  const inSet = (c: number) => ranges.some(([lo, hi]) => c >= lo && c <= hi);
  return { test: (c) => c !== SLASH && inSet(c) !== negate, end: j + 1 };
}

/** The index of the `}` closing the brace at i, or -1. */
function closingBrace(glob: string, i: number): number {
  let depth = 0;
  for (let j = i; j < glob.length; j++) {
    if (glob[j] === '\\') j++;
    else if (glob[j] === '{') depth++;
    else if (glob[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

/** Braces nested deeper than this are refused: no real pattern needs them, and each level is recursion. */
const MAX_BRACE_DEPTH = 16;

function parse(glob: string, braces: boolean, depth: number): Piece[] {
  if (depth > MAX_BRACE_DEPTH)
    throw new UsageError(`glob pattern nests braces more than ${MAX_BRACE_DEPTH} deep`);
  const out: Piece[] = [];
  let i = 0;
  while (i < glob.length) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out.push({ kind: 'globstar', slash });
        i += slash ? 3 : 2;
        while (!slash && glob[i] === '*') i++; // `***` is `**`
        continue;
      }
      out.push({ kind: 'star' });
      i++;
      continue;
    }
    if (ch === '?') {
      out.push({ kind: 'one', test: notSlash });
      i++;
      continue;
    }
    if (ch === '[') {
      const b = bracket(glob, i);
      if (b) {
        out.push({ kind: 'one', test: b.test });
        i = b.end;
        continue;
      }
    }
    if (ch === '{' && braces) {
      const end = closingBrace(glob, i);
      if (end > 0) {
        out.push({
          kind: 'choice',
          options: splitOptions(glob.slice(i + 1, end)).map((o) => parse(o, true, depth + 1)),
        });
        i = end + 1;
        continue;
      }
    }
    let lit = ch;
    if (ch === '\\' && i + 1 < glob.length) lit = glob[++i]!;
    const code = lit.charCodeAt(0);
    out.push({ kind: 'one', test: (c) => c === code });
    i++;
  }
  return out;
}

/** Splits a brace body at its top-level commas. */
function splitOptions(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < body.length; j++) {
    const ch = body[j];
    if (ch === '\\') j++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(body.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** Builds states for `pieces` ending in `next`; returns the entry state. States are appended to `s`. */
function build(pieces: Piece[], next: number, s: State[]): number {
  let entry = next;
  for (let k = pieces.length - 1; k >= 0; k--) {
    const p = pieces[k]!;
    const at = s.length;
    if (p.kind === 'one') s.push({ test: p.test, next: entry });
    else if (p.kind === 'star' || (p.kind === 'globstar' && !p.slash)) {
      // split: loop on one character back to the split, or go on
      s.push({ next: -2, alt: [at + 1, entry] });
      s.push({ test: p.kind === 'star' ? notSlash : any, next: at });
    } else if (p.kind === 'globstar') {
      // (anything ending in "/")? : skip, or loop on any character until a "/" that goes on
      s.push({ next: -2, alt: [entry, at + 1] });
      s.push({ next: -2, alt: [at + 2, at + 3] });
      s.push({ test: any, next: at + 1 });
      s.push({ test: (c) => c === SLASH, next: entry });
    } else {
      const split: State = { next: -2, alt: [] };
      s.push(split);
      for (const option of p.options) split.alt!.push(build(option, entry, s));
    }
    entry = at;
  }
  return entry;
}

export function compileGlob(glob: string, o: GlobOptions = {}): GlobMatcher {
  const states: State[] = [];
  const start = build(parse(glob, o.braces ?? true, 0), -1, states);
  const mark = new Int32Array(states.length);
  const pending: number[] = [];
  let current: number[] = [];
  let following: number[] = [];
  let step = 0;
  /** Adds `id` and every state it splits into, each once per step; true when the match state is reached. */
  const add = (list: number[], id: number): boolean => {
    let matched = false;
    pending.push(id);
    while (pending.length) {
      const at = pending.pop()!;
      if (at === -1) matched = true;
      else if (mark[at] !== step) {
        mark[at] = step;
        const st = states[at]!;
        if (st.alt) for (let k = st.alt.length - 1; k >= 0; k--) pending.push(st.alt[k]!);
        else list.push(at);
      }
    }
    return matched;
  };
  return {
    test(path: string): boolean {
      // Steps only grow, so a mark left by an earlier step never equals the current one.
      if (step > 0x3fffffff) mark.fill((step = 0));
      step++;
      current.length = 0;
      let matched = add(current, start);
      for (let i = 0; i < path.length;) {
        if (!current.length) return false;
        const c = path.codePointAt(i)!;
        i += c > 0xffff ? 2 : 1;
        step++;
        following.length = 0;
        matched = false;
        for (const id of current) {
          const st = states[id]!;
          if (st.test!(c) && add(following, st.next)) matched = true;
        }
        [current, following] = [following, current];
      }
      return matched;
    },
  };
}

export function isGlob(s: string): boolean {
  return /[*?[{]/.test(s);
}

/** The directory part of a glob before its first wildcard ("prompts/**" -> "prompts"). */
export function globBase(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (isGlob(p)) break;
    fixed.push(p);
  }
  return fixed.join('/') || '.';
}
