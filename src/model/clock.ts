/**
 * Model time as clock time. A sim spec with `time_origin` (an ISO 8601 date-time with its
 * UTC offset, the calendar time of time = 0) and a fixed-length time unit maps every model
 * time to a wall-clock time in the origin's zone: what incident timelines are written in.
 * Months and years have no fixed length, so they give no clock.
 */
import type { SimSpec } from './types.js';

/** Milliseconds per time unit, by the unit names (singular, plural and short forms) accepted. */
const UNIT_MS: Readonly<Record<string, number>> = (() => {
  const base: [string[], number][] = [
    [['millisecond', 'milliseconds', 'ms'], 1],
    [['second', 'seconds', 's', 'sec'], 1_000],
    [['minute', 'minutes', 'min'], 60_000],
    [['hour', 'hours', 'h', 'hr'], 3_600_000],
    [['day', 'days', 'd'], 86_400_000],
    [['week', 'weeks', 'wk'], 604_800_000],
  ];
  return Object.fromEntries(base.flatMap(([names, ms]) => names.map((n) => [n, ms])));
})();

const ORIGIN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** A clock: model time → instants, printed in the origin's UTC offset. */
export interface Clock {
  /** The origin as written. */
  readonly origin: string;
  /** Milliseconds since the epoch at time = 0. */
  readonly epochMs: number;
  /** Milliseconds per model time unit. */
  readonly unitMs: number;
  /** The origin's offset from UTC in minutes (e.g. −480 for −08:00). */
  readonly offsetMinutes: number;
}

/** Why a sim spec's origin gives no clock, or undefined when it does (or declares none). */
export function clockProblem(sim: Pick<SimSpec, 'timeOrigin' | 'timeUnit'>): string | undefined {
  if (sim.timeOrigin === undefined) return undefined;
  const m = ORIGIN.exec(sim.timeOrigin);
  if (!m || Number.isNaN(Date.parse(sim.timeOrigin))) return `time_origin '${sim.timeOrigin}' is not an ISO date-time with a UTC offset such as 2020-11-25T00:00-08:00`;
  const [, , mo, d, h, mi] = m.map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return `time_origin '${sim.timeOrigin}' is not a valid date-time`;
  if (sim.timeUnit === undefined) return 'time_origin needs a time_unit (second, minute, hour, day or week)';
  if (unitMs(sim.timeUnit) === undefined) return `time_origin needs a time unit of fixed length (second, minute, hour, day or week), not '${sim.timeUnit}'`;
  return undefined;
}

function unitMs(unit: string): number | undefined {
  return UNIT_MS[unit.trim().toLowerCase()];
}

/** The model's clock, or undefined when it declares no usable origin. */
export function clockOf(sim: Pick<SimSpec, 'timeOrigin' | 'timeUnit'>): Clock | undefined {
  if (sim.timeOrigin === undefined || sim.timeUnit === undefined || clockProblem(sim)) return undefined;
  const m = ORIGIN.exec(sim.timeOrigin)!;
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  return { origin: sim.timeOrigin, epochMs: Date.parse(sim.timeOrigin), unitMs: unitMs(sim.timeUnit)!, offsetMinutes };
}

/**
 * Wall-clock fields in the origin's zone: `YYYY-MM-DD hh:mm:ss` (no zone), what Plotly date axes
 * read, rounded to the nearest second (2.7333… h is 02:44:00, not the 02:43:59 a cut would give).
 */
export function wallClock(clock: Clock, t: number): string {
  return wallFields(clock, t, 1_000).slice(0, 19).replace('T', ' ');
}

/** The instant at model time t, rounded to a multiple of `stepMs`, as ISO fields in the origin's zone. */
function wallFields(clock: Clock, t: number, stepMs: number): string {
  const ms = clock.epochMs + t * clock.unitMs + clock.offsetMinutes * 60_000;
  return new Date(Math.round(ms / stepMs) * stepMs).toISOString();
}

/** ISO 8601 with the origin's offset, to the second: `2020-11-25T05:15:00-08:00`. */
export function isoClock(clock: Clock, t: number): string {
  return `${wallClock(clock, t).replace(' ', 'T')}${offsetText(clock.offsetMinutes)}`;
}

/** Short clock time for tables, to the nearest minute: `05:15`, with the date when the run spans several days (`11-26 01:30`). */
export function shortClock(clock: Clock, t: number, withDate: boolean): string {
  const w = wallFields(clock, t, 60_000).replace('T', ' ');
  return withDate ? `${w.slice(5, 10)} ${w.slice(11, 16)}` : w.slice(11, 16);
}

/** True when the times fall on more than one calendar day in the origin's zone. */
export function spansDays(clock: Clock, from: number, to: number): boolean {
  return wallClock(clock, from).slice(0, 10) !== wallClock(clock, to).slice(0, 10);
}

/** `UTC−08:00`, for axis titles. */
export function zoneLabel(clock: Clock): string {
  return clock.offsetMinutes === 0 ? 'UTC' : `UTC${offsetText(clock.offsetMinutes).replace('-', '−')}`;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
