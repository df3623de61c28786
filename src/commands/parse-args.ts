import {
  BUDGET_FORMAT,
  parseBudget,
  parseShare,
  type Budget,
  type BudgetPeriod,
} from '../core/budget.js';
import { InvalidArgumentError } from 'commander';

/** Commander argument parsers: each rejects bad input with a message that names what was expected. */
/** A count such as 10000, 10_000, 10,000, 1e5, 10k or 1.5M; NaN when it is not one. */
function count(v: string): number {
  const m = /^\s*([\d.,_]+(?:e\d+)?)\s*([kKmM]?)\s*$/.exec(v);
  const n = m?.[1]
    ? Number(m[1].replace(/[,_]/g, '')) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1)
    : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : NaN;
}

/** Whether `v` reads as a whole number past what a double holds exactly (1e20). */
const unsafe = (v: string) => {
  const n = Number(v.trim().replace(/[,_]/g, ''));
  return Number.isInteger(n) && n > Number.MAX_SAFE_INTEGER;
};

/** Saying a count is too large beats "expected a whole number" for 1e20, which is one. */
const tooLarge = () =>
  new InvalidArgumentError(
    `too large: at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (counts are exact integers).`,
  );

export function nonNegativeInt(v: string): number {
  const n = count(v);
  if (Number.isNaN(n) && unsafe(v)) throw tooLarge();
  if (Number.isNaN(n))
    throw new InvalidArgumentError('expected a whole number of 0 or more (10000, 10k, 1e5).');
  return n;
}

/** Each parser names its own range, whatever was wrong with the value ("-1" is not "0 or more" for --threads). */
export function positiveInt(v: string): number {
  const n = count(v);
  if (Number.isNaN(n) && unsafe(v)) throw tooLarge();
  if (!(n >= 1))
    throw new InvalidArgumentError('expected a whole number of 1 or more (8, 10k, 1e5).');
  return n;
}

/** The most expensive requests `analyze --top` lists: a list to read, and each one is kept in memory. */
export const MAX_TOP = 1000;

/** `--top N` of analyze: 1 to MAX_TOP. */
export function topCount(v: string): number {
  const n = count(v);
  if (!(n >= 1 && n <= MAX_TOP))
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_TOP}.`);
  return n;
}

/** A share from 0 to 1; "40%" is accepted too. */
export function share(v: string): number {
  const s = v.trim();
  const n = s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s);
  if (s === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError('expected a rate from 0 to 1 (or 0% to 100%).');
  }
  return n;
}

/** Monthly traffic growth: "10%" or 0.1; above -100% and at most +1000% (more overflows a projection). */
export function growth(v: string): number {
  const n = percent(v);
  if (n > 10) throw new InvalidArgumentError('expected a growth of at most 1000% a month.');
  return n;
}

/** A growth or change rate: "10%" or 0.1; may be negative. */
export function percent(v: string): number {
  const s = v.trim();
  const n = s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s);
  if (s === '' || !Number.isFinite(n) || n <= -1)
    throw new InvalidArgumentError('expected a percentage such as 10%.');
  return n;
}

export function list(v: string, previous?: string[]): string[] {
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) throw new InvalidArgumentError('expected a comma-separated list.');
  return [...(previous ?? []), ...items];
}

export type Period = Exclude<BudgetPeriod, 'week'>;
export type { Budget };

/** "100/day", "$2,500/month", "2500/mo". */
export function budget(v: string): Budget {
  const b = parseBudget(v);
  if (!b) throw new InvalidArgumentError(BUDGET_FORMAT);
  return b;
}

/** `--warn-at`: "80%", "0.8" or "80", a share above 0 and at most 1. */
export function warnShare(v: string): number {
  const n = parseShare(v);
  if (n === undefined) throw new InvalidArgumentError('expected a share such as 80% or 0.8.');
  return n;
}

const FAIL_ON = ['budget', 'forecast'] as const;

/** `--fail-on budget,forecast`: what fails the run. */
export function failOn(v: string, previous?: string[]): string[] {
  const items = list(v, previous);
  const bad = items.find((i) => !(FAIL_ON as readonly string[]).includes(i));
  if (bad) throw new InvalidArgumentError(`"${bad}" is not one of ${FAIL_ON.join(', ')}.`);
  return items;
}

export function period(v: string): Period {
  const s = v.trim().toLowerCase();
  if (s === 'day' || s === 'daily' || s === 'd') return 'day';
  if (s === 'month' || s === 'monthly' || s === 'mo') return 'month';
  throw new InvalidArgumentError('expected day or month.');
}

/** A UTC date YYYY-MM-DD. */
/** A calendar day as YYYY-MM-DD that exists (Date.parse rolls 2025-02-30 over to March 2; this does not). */
export function isoDate(v: string): string {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : NaN;
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD that exists.');
  }
  return v;
}
