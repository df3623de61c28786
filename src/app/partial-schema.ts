/**
 * The shape of an llmcost.partial/1 file (analyze-partial.ts), checked before any of it is added up: a
 * damaged or hand-edited partial is a one-line error naming the field, never a crash or a wrong sum.
 */
import { z } from 'zod';
import { groupName } from '../core/aggregate.js';
import { isValidTimeZone } from '../core/time-buckets.js';

/** Tokens, requests, records: whole numbers (0.5 tokens, or more than 2^53, is a damaged file). */
const count = z.int().nonnegative();
const amount = z.number().finite();
const sums = z.record(z.string(), count);
/** A bucket: its price key, whether its cost is the logged one, and its token sums. */
const bucket = z.object({ price: z.string(), logged: z.boolean() }).catchall(count);
const buckets = z.array(z.tuple([z.string(), bucket]));
const group = z.looseObject({
  keys: z.array(z.string()),
  usage: sums,
  records: count,
  loggedCost: amount,
  loggedRecords: count,
  buckets,
  unpriced: sums,
  unpricedModels: z.array(z.string()),
  first: z.number().finite().optional(),
  last: z.number().finite().optional(),
});
const pairs = z.array(z.tuple([z.string(), group]));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** A day the sums are kept under: a calendar day, or "unknown" for records without a time. */
const DAY_KEY = /^(?:[+-]?\d{4,6}-\d{2}-\d{2}|unknown)$/;
const names = z.array(z.string().min(1));
/** The options the sums were made with, which the merged report is made with in turn. */
const options = z.looseObject({
  by: z
    .array(
      z.union([
        z.enum(['day', 'week', 'month', 'block', 'model', 'provider']),
        z.strictObject({ field: z.string().min(1) }),
      ]),
    )
    .min(1),
  tz: z.string().refine((tz) => tz === 'UTC' || isValidTimeZone(tz), 'unknown time zone'),
  since: day.nullable(),
  until: day.nullable(),
  models: names.nullable(),
  costSource: z.enum(['auto', 'log', 'calculate']),
  top: count,
  repriceAs: names.nullable(),
  dialect: z.string().min(1).nullable(),
  map: z.string().min(1).nullable(),
});
const reasons = z.array(z.tuple([z.string(), count]));

export const partialSchema = z
  .looseObject({
    format: z.literal('llmcost.partial/1'),
    catalog: z.object({ date: z.string(), source: z.string() }),
    options,
    threads: count,
    state: z.object({
      groups: pairs,
      days: pairs,
      dayModels: pairs,
      total: group,
      reprice: z.array(buckets),
      top: z.array(
        z.object({
          cost: amount,
          model: z.string(),
          location: z.object({ file: z.string(), line: count }),
          tokens: count,
        }),
      ),
      billed: z.array(
        z.tuple([
          z.string(),
          z.object({ day: z.string(), lineItem: z.string(), cost: amount, records: count }),
        ]),
      ),
      batchFallbacks: count,
    }),
    tally: z.looseObject({
      lines: count,
      records: count,
      filtered: count,
      withoutModel: count,
      skipped: reasons,
      duplicates: reasons,
      malformed: reasons,
      dialects: reasons,
      malformedSamples: z.array(z.object({ file: z.string(), line: count, reason: z.string() })),
      fieldsSeen: z.array(z.string()),
    }),
  })
  .superRefine((doc, ctx) => {
    // Each group is named by its keys joined (aggregate.ts): a group whose keys are missing, one short of
    // --by, or other than its name would be summed into the wrong row, or break the report's sort.
    const { state } = doc;
    const named = (at: 'groups' | 'days' | 'dayModels', width: number) =>
      state[at].forEach(([name, g], k) => {
        if (g.keys.length !== width || groupName(g.keys) !== name)
          ctx.addIssue({
            code: 'custom',
            path: ['state', at, k, 1, 'keys'],
            message: `expected ${width} key(s) that make the group's name`,
          });
      });
    named('groups', doc.options.by.length);
    named('days', 1);
    named('dayModels', 3);
    state.days.forEach(([name], k) => {
      if (!DAY_KEY.test(name))
        ctx.addIssue({ code: 'custom', path: ['state', 'days', k, 0], message: 'expected a day' });
    });
    if (state.total.keys.length)
      ctx.addIssue({ code: 'custom', path: ['state', 'total', 'keys'], message: 'expected none' });
  });
