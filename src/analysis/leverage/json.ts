/**
 * The JSON document of `stockflow rank --json`: the ranking as data (see types.ts), numbers
 * rounded to 12 significant digits so files stay readable, NaN as null. The thread count is
 * left out, so the same seed gives the same bytes whatever --workers is.
 */
import type { LeverageRanking } from './types.js';

export function rankingJson(r: LeverageRanking): string {
  const { workers, ...rest } = r;
  void workers;
  return `${JSON.stringify(rest, (_, v) => (typeof v === 'number' ? clean(v) : v), 2)}\n`;
}

function clean(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : Number(x.toPrecision(12));
}
