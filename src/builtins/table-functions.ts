/**
 * Library functions over a whole graphical function (`table: true` in FunctionSpec): the
 * first argument names a lookup, or a variable with a graphical function (a data series),
 * and reaches the generated code as that table's closure (tables.ts has the semantics and
 * their sources). Vensim's LOOKUP EXTRAPOLATE/FORWARD/BACKWARD/AREA/INVERT, TABXL and the
 * GET DATA … functions on data variables translate to these.
 */
import type { FunctionSpec } from './functions.js';

/** `missing` arguments default to NaN: a value the run reports, not a number that passes silently. */
const orNaN = (a: string | undefined) => a ?? 'NaN';

const tableFn = (
  name: string, minArgs: number, maxArgs: number, units: FunctionSpec['units'], doc: string, emit: FunctionSpec['emit'],
): FunctionSpec => ({ name, minArgs, maxArgs, units, doc, emit, table: true });

export const TABLE_FUNCTIONS: readonly FunctionSpec[] = [
  tableFn('lookup_extrapolate', 2, 2, 'table', 'lookup_extrapolate(table, x): the table at x, its end segments continued beyond the points (Vensim LOOKUP EXTRAPOLATE, TABXL)',
    (a) => `R.lookupExtrapolate(${a[0]}, ${a[1]})`),
  tableFn('lookup_forward', 2, 2, 'table', 'lookup_forward(table, x): the y of the first point at or after x (Vensim LOOKUP FORWARD)',
    (a) => `R.lookupForward(${a[0]}, ${a[1]})`),
  tableFn('lookup_backward', 2, 2, 'table', 'lookup_backward(table, x): the y of the last point at or before x (Vensim LOOKUP BACKWARD)',
    (a) => `R.lookupBackward(${a[0]}, ${a[1]})`),
  tableFn('lookup_area', 3, 3, 'none', 'lookup_area(table, a, b): the area under the table (read as lookup() reads it) from x = a to x = b (Vensim LOOKUP AREA)',
    (a) => `R.lookupArea(${a[0]}, ${a[1]}, ${a[2]})`),
  tableFn('lookup_invert', 2, 3, 'none', 'lookup_invert(table, y[, outside]): the smallest x where the table equals y; outside (default NaN) when no x does (Vensim LOOKUP INVERT)',
    (a) => `R.lookupInvert(${a[0]}, ${a[1]}, ${orNaN(a[2])})`),
  tableFn('data_between', 3, 4, 'table', 'data_between(series, time, mode[, missing]): the series at time, interpolated (mode 0), the later point (mode ≥ 1) or the earlier one (mode ≤ −1); missing (default NaN) outside its times (Vensim GET DATA BETWEEN TIMES)',
    (a) => `R.dataBetween(${a[0]}, ${a[1]}, ${a[2]}, ${orNaN(a[3])})`),
  tableFn('data_at', 2, 3, 'table', 'data_at(series, time[, missing]): the value of the point at time; missing (default NaN) when there is none (Vensim GET DATA AT TIME)',
    (a) => `R.dataAt(${a[0]}, ${a[1]}, ${orNaN(a[2])})`),
  tableFn('data_first_time', 1, 1, 'none', 'data_first_time(series): the time of the first point (Vensim GET DATA FIRST TIME)',
    (a) => `R.dataFirstTime(${a[0]})`),
  tableFn('data_last_time', 1, 1, 'none', 'data_last_time(series): the time of the last point (Vensim GET DATA LAST TIME)',
    (a) => `R.dataLastTime(${a[0]})`),
  tableFn('data_points', 1, 1, 'dimensionless', 'data_points(series): the number of points (Vensim GET DATA TOTAL POINTS)',
    (a) => `R.dataPoints(${a[0]})`),
  tableFn('data_min', 3, 4, 'table', 'data_min(series, from, to[, missing]): the smallest value of the points from time `from` to `to`; missing (default NaN) if none (Vensim GET DATA MIN)',
    (a) => `R.dataMin(${a[0]}, ${a[1]}, ${a[2]}, ${orNaN(a[3])})`),
  tableFn('data_max', 3, 4, 'table', 'data_max(series, from, to[, missing]): the largest value of the points from `from` to `to` (Vensim GET DATA MAX)',
    (a) => `R.dataMax(${a[0]}, ${a[1]}, ${a[2]}, ${orNaN(a[3])})`),
  tableFn('data_mean', 3, 4, 'table', 'data_mean(series, from, to[, missing]): the mean value of the points from `from` to `to` (Vensim GET DATA MEAN)',
    (a) => `R.dataMean(${a[0]}, ${a[1]}, ${a[2]}, ${orNaN(a[3])})`),
];
