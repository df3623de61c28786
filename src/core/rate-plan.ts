import { BUCKETS, rateOf } from './buckets.js';
import type { PriceSet } from './types.js';

/**
 * Prices as exact decimals. A price is published as a short decimal ($1.10 per 1M tokens), and a count
 * times it is a decimal too: 15 tokens at $1.50/M cost $0.0000225. Multiplying by the binary double of
 * 1.5 and then by 1e-6 rounds twice and gives 0.000022499999999999998; here the count is multiplied by
 * the price's whole digits (15 x 15, exact) and divided once by a power of ten (exactly rounded), so a
 * figure is the double nearest the true decimal, and prints as that decimal. A sum of buckets is taken
 * the same way, in whole units of the finest price. Where a product passes 2^53 (a count of ~10^12
 * tokens), or a price has no short decimal form, the plain product in doubles is used.
 */

/** Exact powers of ten (every one up to 10^22 is a double). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Decimals of a price looked for (a per-1M price of $0.000000000001 still has a form). */
const MAX_DECIMALS = 12;

/** A charged bucket: its position in BUCKETS, and what one of its counts costs. */
export interface RateStep {
  index: number;
  /** USD per 1M tokens (per 1K events), and the scale that makes it per token (event). */
  perUnit: number;
  scale: number;
  /** One count costs `units / 10^places` USD, units whole; NaN units: no short decimal form. */
  units: number;
  places: number;
}

/** What a caller pricing many requests at one price set looks up once. */
export type RatePlan = readonly RateStep[];

type Bucket = (typeof BUCKETS)[number];
/** A per-event fee the model does not charge stays out of the breakdown, as an absent bucket does. */
const charged = (b: Bucket, rates: PriceSet): boolean =>
  !('perEvent' in b) || rates[b.unit] !== undefined;

function step(index: number, perUnit: number): RateStep {
  const perEvent = 'perEvent' in BUCKETS[index]!;
  const scale = perEvent ? 1 / 1_000 : 1 / 1_000_000;
  const shift = perEvent ? 3 : 6;
  // A price derived in doubles (a batch price as list x ratio, a discount as list x 0.9) carries the noise
  // of that arithmetic: 1.1 x 0.9 is 0.9900000000000001. Fifteen significant digits are the price it is.
  const price = Number(perUnit.toPrecision(15));
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const units = Math.round(price * POW10[d]!);
    if (Number.isSafeInteger(units) && units / POW10[d]! === price)
      return { index, perUnit, scale, units, places: d + shift };
  }
  return { index, perUnit, scale, units: NaN, places: 0 };
}

const plans = new WeakMap<PriceSet, RatePlan>();

/** The charged buckets of a price set, each with its rate (a price set's plan is made once). */
export function ratePlan(rates: PriceSet): RatePlan {
  let plan = plans.get(rates);
  if (!plan) {
    plan = BUCKETS.flatMap((b, index) =>
      charged(b, rates) ? [step(index, rateOf(rates, b.key))] : [],
    );
    plans.set(rates, plan);
  }
  return plan;
}

/**
 * Costs of one set of counts, by position in BUCKETS (0 where a bucket is absent or not charged); a cost
 * that is an exact decimal is also given as one (`units / 10^places`, units NaN where it is not).
 */
export class PricedCounts {
  readonly cost = new Float64Array(BUCKETS.length);
  readonly units = new Float64Array(BUCKETS.length);
  readonly places = new Uint8Array(BUCKETS.length);
  total = 0;
  totalUnits = 0;
  totalPlaces = 0;
  /** The plan priced last: its buckets are the only ones not 0 (the others are cleared when it changes). */
  private plan: RatePlan | undefined;

  /** Prices `counts` (by position in BUCKETS; undefined: the record has no such bucket) at `plan`. */
  price(plan: RatePlan, counts: ArrayLike<number | undefined>): this {
    const { cost, units, places } = this;
    if (plan !== this.plan) {
      cost.fill(0);
      units.fill(0);
      places.fill(0);
      this.plan = plan;
    }
    let exact = true;
    let finest = 0;
    let total = 0;
    for (let i = 0; i < plan.length; i++) {
      const s = plan[i]!;
      const n = counts[s.index];
      if (n === undefined) {
        cost[s.index] = units[s.index] = places[s.index] = 0;
        continue;
      }
      const m = n * s.units;
      if (Number.isSafeInteger(m)) {
        total += cost[s.index] = m / POW10[s.places]!;
        units[s.index] = m;
        places[s.index] = s.places;
        if (s.places > finest) finest = s.places;
      } else {
        total += cost[s.index] = n * s.perUnit * s.scale;
        units[s.index] = NaN;
        places[s.index] = 0;
        exact = false;
      }
    }
    this.total = total;
    this.totalUnits = exact ? this.sumUnits(plan, counts, finest) : NaN;
    this.totalPlaces = finest;
    if (this.totalUnits === this.totalUnits) this.total = this.totalUnits / POW10[finest]!;
    return this;
  }

  /** The buckets' exact costs in whole units of 10^-finest USD; NaN when the sum passes 2^53. */
  private sumUnits(plan: RatePlan, counts: ArrayLike<number | undefined>, finest: number): number {
    let sum = 0;
    for (let i = 0; i < plan.length; i++) {
      const s = plan[i]!;
      if (counts[s.index] === undefined) continue;
      const term = this.units[s.index]! * POW10[finest - s.places]!;
      // Terms of both signs could cancel to a small sum that lost digits on the way.
      if (!(term >= 0 && Number.isSafeInteger((sum += term)))) return NaN;
    }
    return sum;
  }
}
