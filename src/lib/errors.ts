import type { CheckResult } from './tracker/budget-types.js';

/**
 * The library's errors: one class per failure a caller may want to handle, each with a stable `code`
 * (compare codes, not messages: messages may be reworded).
 */
export type LlmcostErrorCode =
  'UNKNOWN_MODEL' | 'INVALID_USAGE' | 'INVALID_ARGUMENT' | 'NO_BATCH_PRICE' | 'BUDGET_EXCEEDED';

/** Base class of every error the library throws on purpose. */
export class LlmcostError extends Error {
  constructor(
    readonly code: LlmcostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A model name the price catalog does not know; `candidates` are the nearest names it does. */
export class UnknownModelError extends LlmcostError {
  constructor(
    readonly model: string,
    readonly candidates: readonly string[],
  ) {
    super(
      'UNKNOWN_MODEL',
      `unknown model "${model}" (not in the price catalog)${candidates.length ? `; did you mean ${candidates.join(', ')}?` : ''}`,
    );
  }
}

/** A usage value or response that cannot be read: a negative or fractional count, a shape no dialect knows. */
export class InvalidUsageError extends LlmcostError {
  constructor(message: string) {
    super('INVALID_USAGE', message);
  }
}

/** An option or scenario that is out of range or inconsistent (route shares, rates, budgets). */
export class InvalidArgumentError extends LlmcostError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}

/** Batch pricing asked for a model the catalog has no batch price for. */
export class NoBatchPriceError extends LlmcostError {
  constructor(readonly model: string) {
    super('NO_BATCH_PRICE', `${model} has no batch price in the catalog`);
  }
}

/** `tracker.check()` with `guard: 'throw'`: the next call's worst case would overrun a budget. */
export class BudgetExceededError extends LlmcostError {
  constructor(
    message: string,
    /** The whole decision, with every budget's spent, remaining and projected amounts. */
    readonly decision: CheckResult,
  ) {
    super('BUDGET_EXCEEDED', message);
  }
}
