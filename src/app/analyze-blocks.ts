import { newGroup, type GroupAcc } from '../core/aggregate.js';
import { mergeGroup } from '../core/aggregate-merge.js';
import { allTokens } from '../core/buckets.js';
import { priceGroup, type PricedGroup } from '../core/price-groups.js';
import type { CostSource } from '../core/aggregate.js';

/** A Claude subscription's usage window. */
export const BLOCK_MS = 5 * 3_600_000;

/**
 * Usage windows as Claude subscriptions count them: a block starts at the hour of the first message after
 * the previous block ended, and lasts five hours. `hours` are the aggregator's groups by UTC hour (the
 * `block` dimension); a group without a time stays apart as "unknown".
 */
export function blocks(hours: Iterable<GroupAcc>, source: CostSource): PricedGroup[] {
  const sorted = [...hours].sort((a, b) => a.keys[0]!.localeCompare(b.keys[0]!));
  const out: GroupAcc[] = [];
  let current: GroupAcc | undefined;
  let end = 0;
  for (const h of sorted) {
    if (h.keys[0] === 'unknown') {
      out.push(h);
      continue;
    }
    const start = Date.parse(h.keys[0]!);
    if (!current || start >= end) {
      current = newGroup([h.keys[0]!]);
      end = start + BLOCK_MS;
      out.push(current);
    }
    mergeGroup(current, h);
  }
  return out.map((g) => priceGroup(g, source));
}

export interface ActiveBlock {
  start: string;
  end: string;
  elapsedMinutes: number;
  tokensPerHour: number;
  costPerHour: number | null;
  /** The block's cost at its end if the burn rate holds. */
  projectedCost: number | null;
}

/** The block still open at `now`, with its burn rate and projected cost; undefined when none is. */
export function activeBlock(list: PricedGroup[], now: number): ActiveBlock | undefined {
  const b = list.filter((g) => g.keys[0] !== 'unknown').at(-1);
  if (!b) return undefined;
  const start = Date.parse(b.keys[0]!);
  if (now < start || now >= start + BLOCK_MS) return undefined;
  const hours = Math.max(now - start, 60_000) / 3_600_000;
  const remaining = (start + BLOCK_MS - now) / 3_600_000;
  const costPerHour = b.cost === null ? null : b.cost / hours;
  return {
    start: b.keys[0]!,
    end: new Date(start + BLOCK_MS).toISOString(),
    elapsedMinutes: Math.round((now - start) / 60_000),
    tokensPerHour: allTokens(b.usage) / hours,
    costPerHour,
    projectedCost:
      costPerHour === null || b.cost === null ? null : b.cost + costPerHour * remaining,
  };
}
