/**
 * Graphical functions as XMILE 1.0 `<gf>` (§3.1.4): a variable's own table, or the points of
 * a standalone one (write.ts).
 */
import type { LookupTable } from '../../model/types.js';
import { formatNumber } from './print-native.js';
import { PREFIX } from './vendor.js';

/** A variable's `<gf>` lines at `pad` (none without a table). */
export function gf(table: LookupTable | undefined, pad: string): string[] {
  return table ? [`${pad}<gf${gfType(table)}>`, ...points(table, `${pad}  `), `${pad}</gf>`] : [];
}

/**
 * XMILE has continuous, extrapolate and discrete graphical functions (§3.1.4). A `forward`
 * one (the next point's y, Vensim LOOKUP FORWARD) has no exact XMILE form: it is written as
 * a continuous gf through the same points, which other tools read as an approximation, with
 * `stockflow:interpolation="forward"`, which readXmile reads back exactly.
 */
export function gfType(t: LookupTable): string {
  if (t.interpolation === 'forward') return ` ${PREFIX}:interpolation="forward"`;
  return t.interpolation === 'continuous' ? '' : ` type="${t.interpolation}"`;
}

/**
 * The points of a graphical function (§3.1.4): `<xscale>` with `<ypts>` when the x values
 * are exactly the evenly spaced ones a reader computes from the scale, else `<xpts>` with
 * `<ypts>`; never both (§4.1.3 calls that over-specified; SDEverywhere rejects it).
 * `<yscale>` is for display only.
 */
export function points(t: LookupTable, pad: string): string[] {
  const xs = t.points.map((p) => p[0]);
  const ys = t.points.map((p) => p[1]);
  const yscale = `${pad}<yscale min="${formatNumber(Math.min(...ys))}" max="${formatNumber(Math.max(...ys))}"/>`;
  const ypts = `${pad}<ypts>${ys.map(formatNumber).join(',')}</ypts>`;
  if (evenlySpaced(xs)) return [`${pad}<xscale min="${formatNumber(xs[0])}" max="${formatNumber(xs[xs.length - 1])}"/>`, yscale, ypts];
  return [yscale, `${pad}<xpts>${xs.map(formatNumber).join(',')}</xpts>`, ypts];
}

/** Whether `min + (max - min) * i / (n - 1)` (how readers expand an xscale) gives xs exactly. */
function evenlySpaced(xs: readonly number[]): boolean {
  if (xs.length < 2) return false;
  const min = Number(formatNumber(xs[0]));
  const max = Number(formatNumber(xs[xs.length - 1]));
  return xs.every((x, i) => Object.is(x, min + ((max - min) * i) / (xs.length - 1)));
}
