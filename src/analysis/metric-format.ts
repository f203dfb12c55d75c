/**
 * Metric values and changes for people. A quantity prints as a number and its change as a
 * percentage of the baseline; a time of event prints as a time and its change as a difference
 * in hours and minutes, never as a percentage: a percentage of hours since midnight measures
 * nothing. A model with a clock (`sim.time_origin`) shows times as wall-clock times in the
 * origin's zone, through model/clock.ts as the report does (`05:15`, with the date once the
 * time falls on a later day than the origin: `11-26 01:30`); without one, H:MM (+Nd) counted
 * from time 0 for models in hours or minutes. Censored times print as their state.
 */
import type { Metric, SimSpec } from '../model/types.js';
import { clockOf, shortClock, spansDays } from '../model/clock.js';
import { censoredState, difference, metricKind } from './metrics.js';

/** How model time reads: its unit and, when the model declares one, its clock origin. */
export interface TimeAxis {
  readonly unit?: string;
  /** `sim.time_origin` (ISO date-time with offset) of the model. */
  readonly origin?: string;
}

/** The time axis of a model's sim spec. */
export function timeAxisOf(sim: Pick<SimSpec, 'timeUnit' | 'timeOrigin'>): TimeAxis {
  return { ...(sim.timeUnit ? { unit: sim.timeUnit } : {}), ...(sim.timeOrigin ? { origin: sim.timeOrigin } : {}) };
}

/** Numbers for people: 3 significant digits, no exponent for ordinary magnitudes. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

const HOURS = /^(h|hr|hrs|hour|hours)$/i;
const MINUTES = /^(min|mins|minute|minutes)$/i;

/** Minutes in one unit of model time, when the unit is hours or minutes. */
function minutesPer(unit?: string): number | undefined {
  if (!unit) return undefined;
  return HOURS.test(unit.trim()) ? 60 : MINUTES.test(unit.trim()) ? 1 : undefined;
}

/** A time of event: the clock time, else H:MM (+Nd past a day) for hours and minutes, else the number and unit. */
export function formatTime(t: number, axis: TimeAxis = {}): string {
  const state = censoredState(t);
  if (state) return state;
  const { unit } = axis;
  const wall = clockOf({ timeOrigin: axis.origin, timeUnit: unit });
  if (wall) return shortClock(wall, t, spansDays(wall, 0, t));
  const per = minutesPer(unit);
  if (per === undefined) return unit ? `${fmt(t)} ${unit}` : `t = ${fmt(t)}`;
  const total = Math.round(t * per);
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const days = Math.floor(abs / 1440);
  const clock = `${String(Math.floor((abs % 1440) / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${sign}${clock}${days ? ` +${days}d` : ''}`;
}

/** A signed difference of times: "+2 h 05 min", "−45 min", or the number and unit. */
export function formatDuration(d: number, unit?: string): string {
  if (!Number.isFinite(d)) return d > 0 ? '+∞' : d < 0 ? '−∞' : 'n/a';
  const per = minutesPer(unit);
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  if (per === undefined) return `${sign}${fmt(Math.abs(d))}${unit ? ` ${unit}` : ''}`;
  const total = Math.round(Math.abs(d) * per);
  if (total === 0) return '0 min';
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${sign}${h ? `${h} h ` : ''}${h ? String(m).padStart(2, '0') : m} min`;
}

/** A metric's value: a number, a time, or a censored state. */
export function formatMetric(m: Pick<Metric, 'aggregate'>, v: number, axis?: TimeAxis): string {
  return metricKind(m) === 'time' ? formatTime(v, axis) : fmt(v);
}

/** Change of a scenario's value against the baseline's: a percentage for quantities, a time difference for times. */
export function formatChange(m: Pick<Metric, 'aggregate'>, v: number, base: number, axis: TimeAxis = {}): string {
  if (metricKind(m) === 'quantity') return percentChange(difference(v, base), base);
  if (v === base) return '0 min';
  const state = censoredState(v);
  if (state) return state;
  const baseState = censoredState(base);
  if (baseState) return `baseline ${baseState}`;
  return formatDuration(v - base, axis.unit);
}

/**
 * An effect e (positive = better, effectOf in metrics.ts): a percentage of the baseline for a
 * quantity; for a time, how much earlier or later the event comes.
 */
export function formatEffect(m: Pick<Metric, 'aggregate' | 'better'>, e: number, unit?: string): string {
  if (metricKind(m) === 'quantity') return percent(e);
  if (e === 0) return '0 min';
  if (!Number.isFinite(e)) return e > 0 ? '+∞ (censored)' : '−∞ (censored)';
  const earlier = (e > 0) === (m.better === 'lower');
  return `${formatDuration(Math.abs(e), unit).replace(/^\+/, '')} ${earlier ? 'earlier' : 'later'}`;
}

/** A fraction as a percentage (1 = 100%). */
export function percent(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const p = 100 * x;
  return `${Math.abs(p) >= 99.95 || Math.abs(p) < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}

function percentChange(delta: number, base: number): string {
  if (delta === 0) return '0%';
  if (!Number.isFinite(delta)) return delta > 0 ? '+∞' : '−∞';
  if (base === 0) return delta > 0 ? '+new' : '-new';
  const p = (100 * delta) / Math.abs(base);
  if (Math.abs(p) < 0.05) return '0%';
  return `${p > 0 ? '+' : ''}${Math.abs(p) >= 10 ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** JSON.stringify replacer: censored times as their state (JSON has no ±∞). */
export function censoredJson(_key: string, v: unknown): unknown {
  return typeof v === 'number' ? censoredState(v) ?? v : v;
}
