/**
 * The expansion budget: how many variables (array elements, macro copies and module instances
 * counted one by one) reading one model may produce. A few lines of text can ask for millions
 * (two 3000-element dimensions are 9 million variables; a macro or module that holds two
 * copies of itself doubles per level), so readers reserve each construct's count before they
 * build it and stop with a located error naming the construct when it would pass the budget.
 */

/** Default budget: a million variables, far above real models (the Kinesis model has about 300) and far below what exhausts memory. */
export const DEFAULT_MAX_ELEMENTS = 1_000_000;

export const BUDGET_HINT = `lift the budget with --max-elements N (library: maxElements); the default is ${DEFAULT_MAX_ELEMENTS.toLocaleString('en-US')}`;

export interface ElementBudget {
  readonly max: number;
  /** Variables reserved so far. */
  used: number;
  /** Set once a reservation failed: readers then stop expanding (one error, not thousands). */
  exceeded: boolean;
}

export function elementBudget(max: number = DEFAULT_MAX_ELEMENTS): ElementBudget {
  return { max, used: 0, exceeded: false };
}

/**
 * Reserves `n` variables for `what`; returns undefined when they fit, else the message of the
 * error to report (and marks the budget exceeded). `n` may be huge or non-finite: it is never
 * allocated, only compared.
 */
export function reserve(budget: ElementBudget, n: number, what: string): string | undefined {
  if (budget.exceeded) return undefined;
  if (budget.used + n <= budget.max) {
    budget.used += n;
    return undefined;
  }
  budget.exceeded = true;
  const count = Number.isFinite(n) && n < 1e15 ? n.toLocaleString('en-US') : n.toExponential(2);
  return `${what} expands to ${count} variable${n === 1 ? '' : 's'}; with the ${budget.used.toLocaleString('en-US')} before it that passes the expansion budget of ${budget.max.toLocaleString('en-US')}`;
}
