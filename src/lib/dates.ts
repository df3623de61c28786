import { InvalidArgumentError } from './errors.js';

/** A moment: a Date, milliseconds since the epoch, or an ISO 8601 text (`2026-11-30`, `2026-11-30T14:05:00Z`). */
export type DateInput = Date | number | string;

export function toMs(d: DateInput): number {
  const ms = d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
    throw new InvalidArgumentError(`not a valid date: ${String(d)}`);
  return ms;
}

/** The UTC day (YYYY-MM-DD) and time (HH:MM) that pick a price period and a daily window. */
export function utcDayAndTime(d: DateInput): { day: string; time: string } {
  const iso = new Date(toMs(d)).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}
