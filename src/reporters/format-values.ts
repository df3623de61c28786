/** Rendering of money, tokens and shares. Money is rounded only here, never in the math. */

/**
 * Rounds half away from zero on the decimal value people see: 1.275 is stored as 1.27499999…, which
 * toFixed(2) would show as 1.27. Scaling, then trimming binary noise to 12 digits, fixes that.
 */
export function roundTo(value: number, decimals: number): number {
  const k = 10 ** decimals;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * k).toPrecision(12)))) / k;
}

/** 1234567.891 -> "1,234,567.89"; Intl would cost ~10 ms to initialise in a short-lived process. */
export function grouped(value: number, decimals: number): string {
  const [whole, frac] = Math.abs(roundTo(value, decimals)).toFixed(decimals).split('.');
  const withCommas = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${withCommas}${frac ? `.${frac}` : ''}`;
}

export function usd(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'unpriced';
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs === 0) return '$0.00';
  if (abs >= 0.995) return `${sign}$${grouped(abs, 2)}`;
  if (abs >= 0.01)
    return `${sign}$${roundTo(abs, 4)
      .toFixed(4)
      .replace(/0{1,2}$/, '')}`;
  return `${sign}$${trimZeros(abs.toPrecision(3), 6)}`;
}

/**
 * A count that may be a rate (10 requests a month are 0.333 a day): whole numbers and rates from 100 up as
 * `int` shows them, smaller fractions to 3 significant digits (rounded to a whole number, they said 0).
 */
export function amount(n: number): string {
  return Number.isInteger(n) || Math.abs(n) >= 100 ? int(n) : String(Number(n.toPrecision(3)));
}

/** A request rate as the user stated it: "1 request/day", "10 requests/month", "2.5 requests/day". */
export function requestRate(requests: number, per: 'day' | 'month'): string {
  return `${amount(requests)} ${requests === 1 ? 'request' : 'requests'}/${per}`;
}

function trimZeros(fixed: string, minDecimals: number): string {
  const n = Number(fixed);
  const decimals = Math.max(minDecimals, -Math.floor(Math.log10(n)) + 2);
  return n.toFixed(Math.min(decimals, 10)).replace(/(\.\d*?[1-9])0+$/, '$1');
}

export function int(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const n = Math.round(value);
  // Whole numbers need no decimal rounding: a table of 2,000 files formats thousands of them.
  if (!Number.isSafeInteger(n)) return grouped(n, 0);
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

export function pct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return `${(value * 100).toFixed(digits)}%`;
}

export function ratio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}:1`;
}

export function perM(value: number | undefined): string {
  if (value === undefined) return '–';
  return `$${Number(value.toPrecision(6))}`;
}

export function compactTokens(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value >= 1_000_000) return `${Number((value / 1_000_000).toPrecision(3))}M`;
  if (value >= 1000) return `${Math.round(value / 1000)}k`;
  return String(value);
}

/** A plain-text bar of `width` cells for value/max. */
export function bar(value: number, max: number, width = 30): string {
  if (max <= 0 || value <= 0) return '';
  const cells = (value / max) * width;
  const full = Math.floor(cells);
  const part = cells - full >= 0.5 ? '▌' : '';
  return '█'.repeat(full) + part || '▏';
}
