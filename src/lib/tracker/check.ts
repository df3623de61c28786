import { costOf } from '../../core/cost.js';
import type { PriceKeys } from '../../core/pricing-keys.js';
import type { Pricing } from '../catalog.js';
import { countChatTokens, countTokens, type ChatMessage } from '../count.js';
import { BudgetExceededError, InvalidArgumentError, UnknownModelError } from '../errors.js';
import type { BudgetState } from './budget-state.js';
import type { CheckResult } from './budget-types.js';

/** The next call, as far as it is known before sending it. */
export interface CheckRequest {
  model: string;
  /** The prompt: its text, or its chat messages (counted with the model's tokenizer)… */
  prompt?: string | readonly ChatMessage[];
  /** …or its size in tokens, when already counted. */
  inputTokens?: number;
  /** The call's output cap (`max_tokens`); default: the model's maximum output from the catalog. */
  maxOutputTokens?: number;
  batch?: boolean;
  /** Overrides the tracker's guard for this call. */
  guard?: 'throw' | 'report';
}

interface CheckContext {
  pricing: Pricing;
  keys: PriceKeys;
  state: BudgetState;
  day: string;
  at: number;
  guard: 'throw' | 'report' | undefined;
}

const whole = (v: number | undefined, name: string) => {
  if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0))
    throw new InvalidArgumentError(`${name} must be a whole number >= 0`);
};

/**
 * Prices the worst case of the next call (its whole prompt, every output token it may produce) and weighs
 * it against each budget's current period: deny when it could overrun one, warn when it could pass the
 * warning share. Throws BudgetExceededError on deny with `guard: 'throw'`.
 */
export function checkNextCall(req: CheckRequest, c: CheckContext): CheckResult {
  whole(req.inputTokens, 'inputTokens');
  whole(req.maxOutputTokens, 'maxOutputTokens');
  const res = c.pricing.book.resolve(req.model);
  if (!res.ok) throw new UnknownModelError(req.model, res.candidates);
  const count = { model: req.model, pricing: c.pricing };
  const inputTokens =
    req.inputTokens ??
    (typeof req.prompt === 'string'
      ? countTokens(req.prompt, count).tokens
      : req.prompt
        ? countChatTokens(req.prompt, count).tokens
        : 0);
  const maxOutputTokens = req.maxOutputTokens ?? res.record.maxOutput ?? 0;
  const tokens = {
    input: inputTokens,
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: maxOutputTokens,
  };
  const pk = c.keys.keyFor(res.record, c.at, inputTokens, !!req.batch);
  const worst = costOf(tokens, pk.rates).total;
  const result: CheckResult = {
    ...c.state.verdict(c.day, worst),
    inputTokens,
    maxOutputTokens,
    model: res.record.id,
  };
  if (result.verdict === 'deny' && (req.guard ?? c.guard) === 'throw')
    throw new BudgetExceededError(result.message, result);
  return result;
}
