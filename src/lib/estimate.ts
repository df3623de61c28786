import type { Budget } from '../core/budget.js';
import type { PriceBook } from '../core/price-book.js';
import { computeEstimate, type EstimateResult } from '../app/estimate-compute.js';
import type { ScenarioInput } from '../app/scenario-schema.js';
import { buildScenario } from '../app/scenario.js';
import { UsageError } from '../errors.js';
import { defaultPricing, type Pricing } from './catalog.js';
import { utcDayAndTime, type DateInput } from './dates.js';
import { InvalidArgumentError, UnknownModelError } from './errors.js';
import { parseBudgetSpec } from './tracker/budget-spec.js';

/** A workload exactly as a scenario YAML file for `llmcost estimate` describes it (see the README). */
export type Scenario = ScenarioInput;

export interface EstimateOptions {
  /** Prices in force on this date. Default: now. */
  date?: DateInput;
  pricing?: Pricing;
}

/** The estimate of a scenario: what `llmcost estimate --json` reports, as plain numbers (USD). */
export interface WorkloadEstimate {
  costPerRequest: number;
  dailyCost: number;
  monthlyCost: number;
  /** The first twelve months' total, with growth. */
  yearlyCost: number;
  /** Calls that reach the API per day (after the response cache). */
  apiCallsPerDay: number;
  routes: {
    model: string;
    share: number;
    requestsPerDay: number;
    apiCallsPerDay: number;
    dailyCost: number;
    tierApplied?: number;
  }[];
  /** What each lever saves a month, measured in turn against the naive baseline. */
  savings: { baselineMonthly: number; saved: number; steps: WorkloadSavingsStep[] };
  months: { month: number; cost: number; cumulative: number }[];
  /** With `maxOutput`: every response at the cap. */
  worstCase?: { dailyCost: number; monthlyCost: number };
  compared: { model: string; costPerRequest: number; dailyCost: number; monthlyCost: number }[];
  budget?: { amount: number; per: string; actual: number; over: boolean; overBy: number };
  /** The levers in use: routing, response cache, prompt cache, batch. */
  levers: string[];
}

export interface WorkloadSavingsStep {
  lever: string;
  monthlyBefore: number;
  monthlyAfter: number;
  saved: number;
}

function plain(r: EstimateResult): WorkloadEstimate {
  const e = r.estimate;
  return {
    costPerRequest: e.costPerRequest,
    dailyCost: e.dailyCost,
    monthlyCost: e.monthlyCost,
    yearlyCost: r.yearly,
    apiCallsPerDay: e.apiCallsPerDay,
    routes: e.routes.map((x) => ({
      model: x.route.record.id,
      share: x.route.share,
      requestsPerDay: x.requestsPerDay,
      apiCallsPerDay: x.apiCallsPerDay,
      dailyCost: x.daily.total,
      ...(x.tierThreshold !== undefined ? { tierApplied: x.tierThreshold } : {}),
    })),
    savings: {
      baselineMonthly: r.savings.baseline.monthlyCost,
      saved: r.savings.saved,
      steps: r.savings.steps.map(({ lever, monthlyBefore, monthlyAfter, saved }) => ({
        lever,
        monthlyBefore,
        monthlyAfter,
        saved,
      })),
    },
    months: r.months.map(({ month, cost, cumulative }) => ({ month, cost, cumulative })),
    ...(r.worst
      ? { worstCase: { dailyCost: r.worst.dailyCost, monthlyCost: r.worst.monthlyCost } }
      : {}),
    compared: r.compared.map(({ model, costPerRequest, dailyCost, monthlyCost }) => ({
      model,
      costPerRequest,
      dailyCost,
      monthlyCost,
    })),
    ...(r.budget
      ? {
          budget: {
            amount: r.budget.amount,
            per: r.budget.per,
            actual: r.budget.actual,
            over: r.budget.over,
            overBy: r.budget.overBy,
          },
        }
      : {}),
    levers: [...r.active],
  };
}

/** Every model a scenario names, resolved first so that an unknown one is UNKNOWN_MODEL, not a usage error. */
function checkModels(book: PriceBook, s: Scenario): void {
  for (const name of [s.model, ...(s.routes ?? []).map((r) => r.model), ...(s.compare ?? [])]) {
    if (name === undefined) continue;
    const res = book.resolve(name);
    if (!res.ok) throw new UnknownModelError(name, res.candidates);
  }
}

/**
 * Daily, monthly and yearly cost of a workload with its levers (response cache, prompt caching, batch,
 * routing, growth), the savings of each lever and the budget check, from the same object a scenario file
 * holds. Async because the scenario's validator loads on first use. Throws UNKNOWN_MODEL or INVALID_ARGUMENT.
 */
export async function estimateWorkload(
  scenario: Scenario,
  opts: EstimateOptions = {},
): Promise<WorkloadEstimate> {
  const { scenarioSchema } = await import('../app/scenario-schema.js');
  const parsed = scenarioSchema.safeParse(scenario);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidArgumentError(
      `scenario.${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  const book = (opts.pricing ?? defaultPricing()).book;
  checkModels(book, parsed.data);
  let budget: Budget | undefined;
  if (parsed.data.budget !== undefined) {
    const b = parseBudgetSpec(parsed.data.budget);
    budget = { amount: b.amount, per: b.per };
  }
  try {
    return plain(
      computeEstimate(book, {
        scenario: buildScenario(book, parsed.data, {}),
        ...(budget ? { budget } : {}),
        exitOnBudget: false,
        date: utcDayAndTime(opts.date ?? Date.now()).day,
        notes: [],
      }),
    );
  } catch (err) {
    if (err instanceof UsageError) throw new InvalidArgumentError(err.message);
    throw err;
  }
}
