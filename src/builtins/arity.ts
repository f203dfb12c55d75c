/**
 * The one rule for a builtin called with the wrong number of arguments, shared by the
 * Vensim and XMILE readers and the engine's own equations (builtins/lower.ts): every
 * such call is a `wrong-arity` error saying how many arguments the function takes and how
 * many it was given (docs/builtins.md, "Wrong number of arguments").
 */

/** The diagnostic code of a call with too few or too many arguments. */
export const WRONG_ARITY = 'wrong-arity';

/** "2", "2 to 3" or "at least 1" arguments. */
export function arityWanted(min: number, max: number): string {
  const count = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  return `${count} argument${count === '1' ? '' : 's'}`;
}

/** What is wrong when `fn` (as the user wrote it) is given `given` arguments; undefined when the count fits. */
export function arityProblem(fn: string, min: number, max: number, given: number): string | undefined {
  if (given >= min && given <= max) return undefined;
  return `${fn} takes ${arityWanted(min, max)}, not ${given}`;
}
