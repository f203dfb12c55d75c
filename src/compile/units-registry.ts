/**
 * Unit names and unit algebra for the dimensional check (units.ts). Each name in a unit
 * string (parsed by units-parse.ts) is resolved to an *atom* with dimensions and a scale
 * through a private mathjs instance that also knows SD-style units (people, widgets, dollars …). Names mathjs does not know are
 * new base dimensions of their own: SD models invent units freely. Nothing here touches the
 * global mathjs instance.
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';
import type { MathJsInstance } from 'mathjs';
import type { UnitAliases } from '../model/types.js';

/** A resolved unit name: its dimension exponents (by base name) and its scale to SI. */
export interface Atom {
  readonly key: string;
  readonly display: string;
  readonly dims: ReadonlyMap<string, number>;
  readonly scale: number;
}

/** A unit expression: atom keys with exponents; `text` is the string as declared, if any. */
export interface Units {
  readonly atoms: ReadonlyMap<string, number>;
  readonly text?: string;
}

export const DIMENSIONLESS: Units = { atoms: new Map() };

const SD_BASE: readonly (readonly [string, readonly string[]])[] = [
  ['people', ['person', 'persons', 'peoples']],
  ['server', ['servers']], ['thread', ['threads']], ['request', ['requests']],
  ['item', ['items']], ['widget', ['widgets']], ['dollar', ['dollars', 'usd']],
  ['unit', ['units', 'each']],
];
const SD_NAMES = new Set(SD_BASE.flatMap(([n, a]) => [n, ...a]));
const UNITLESS = new Set(['1', 'dmnl', 'dimensionless', 'fraction', 'fractions', 'unitless', 'nondimensional', 'ratio']);
/** Lower-case spellings that map to a unit name of the private instance. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['$', 'dollar'], ['%', 'percent'], ['percentage', 'percent'],
  ['yr', 'year'], ['yrs', 'year'], ['hr', 'hour'], ['hrs', 'hour'], ['mo', 'month'], ['mos', 'month'],
  ['wk', 'week'], ['wks', 'week'], ['d', 'day'], ['mins', 'minute'], ['secs', 'second'],
  ['°c', 'degC'], ['°f', 'degF'], ['deg c', 'degC'], ['deg f', 'degF'], ['degrees c', 'degC'], ['degrees f', 'degF'],
]);

let instance: MathJsInstance | undefined;

/** The private mathjs instance, with the SD units defined once. */
function mathUnits(): MathJsInstance {
  if (instance) return instance;
  // Loaded on first use: the full mathjs is large, and only unit checking needs its units.
  const { all, create } = createRequire(import.meta.url)('mathjs') as typeof MathJs;
  const m = create(all);
  for (const [name, aliases] of SD_BASE) m.createUnit(name, { aliases: [...aliases] });
  m.createUnit('percent', '0.01');
  m.createUnit('quarter', { definition: '3 month', aliases: ['quarters'] });
  instance = m;
  return m;
}

interface MathUnitLike {
  readonly dimensions: readonly number[];
  readonly units: readonly { unit: { value: unknown }; prefix: { value: unknown }; power: number }[];
}

type Resolved = { readonly dims: ReadonlyMap<string, number>; readonly scale: number };

/** Names already looked up in the private instance (it never changes after creation). */
const resolved = new Map<string, Resolved | null>();

/** A name as the private mathjs instance knows it: an SD alias, as written, or in lower case. */
function lookupMath(name: string, lower: string): Resolved | undefined {
  const math = mathUnits();
  const known = ALIASES.get(lower) ?? (SD_NAMES.has(lower) ? lower : undefined);
  // other case only for plain names ("Month") or long prefixed ones ("Kilometer"), not "PA" → pico-are
  const relaxed = lower !== name && (Object.hasOwn(math.Unit.UNITS, lower) || lower.length >= 5) ? lower : undefined;
  for (const c of [known, name, relaxed]) {
    if (c === undefined || !/^[A-Za-z_]\w*$/.test(c) || !math.Unit.isValuelessUnit(c)) continue;
    try {
      const u = math.unit(c) as unknown as MathUnitLike;
      const base = math.Unit.BASE_DIMENSIONS;
      const dims = new Map<string, number>();
      u.dimensions.forEach((e, i) => { if (e !== 0) dims.set(base[i], e); });
      const scale = u.units.reduce((s, p) => s * (Number(p.unit.value) * Number(p.prefix.value)) ** p.power, 1);
      if (Number.isFinite(scale) && scale > 0) return { dims, scale };
    } catch { /* not a mathjs unit after all: an invented one */ }
  }
  return undefined;
}

const signature = (dims: ReadonlyMap<string, number>, scale: number) =>
  `${[...dims].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, e]) => `${d}^${e}`).join('·')}|${scale.toPrecision(12)}`;

/** Resolves unit names to atoms; one per check (display names are per model). */
export class UnitRegistry {
  private readonly atoms = new Map<string, Atom>();
  /** A declared alias (lower case) → the unit it names (Model.unitAliases). */
  private readonly synonyms = new Map<string, string>();

  constructor(aliases: UnitAliases = {}) {
    // Synonymy is transitive: 'Cows' for 'Cow' and 'Cow' for 'Person' make all three one unit,
    // named by the first declared unit of the group (a chain read one link deep made 'Cows' and
    // 'Cow' two different units).
    const parent = new Map<string, string>();
    const find = (n: string): string => {
      let r = n;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      parent.set(n, r);
      return r;
    };
    const union = (a: string, b: string) => { const ra = find(a), rb = find(b); if (ra !== rb) parent.set(rb, ra); };
    const entries = Object.entries(aliases);
    for (const [unit, others] of entries) for (const o of others) union(unit.toLowerCase(), o.toLowerCase());
    const named = new Map<string, string>();
    for (const [unit] of entries) if (!named.has(find(unit.toLowerCase()))) named.set(find(unit.toLowerCase()), unit);
    for (const n of [...parent.keys()]) this.synonyms.set(n, named.get(find(n))!);
  }

  atom(key: string): Atom | undefined {
    return this.atoms.get(key);
  }

  /** The atom for a name, or undefined for a dimensionless name (dmnl, 1 …). */
  resolve(written: string): Atom | undefined {
    const name = this.synonyms.get(written.toLowerCase()) ?? written;
    const lower = name.toLowerCase();
    if (UNITLESS.has(lower)) return undefined;
    let found = resolved.get(name);
    if (found === undefined) {
      found = lookupMath(name, lower) ?? null;
      if (resolved.size < 10_000) resolved.set(name, found);
    }
    if (found) return this.intern(written, found.dims, found.scale);
    let stem = lower.replace(/[\s_]+/g, ' ');
    if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
    return this.intern(written, new Map([[`@${stem}`, 1]]), 1);
  }

  /** A dimensionless scale factor (a number written in a unit string). */
  scaleAtom(value: number): Atom | undefined {
    return value === 1 ? undefined : this.intern(String(value), new Map(), value);
  }

  private intern(display: string, dims: ReadonlyMap<string, number>, scale: number): Atom {
    const key = signature(dims, scale);
    let a = this.atoms.get(key);
    if (!a) { a = { key, display, dims, scale }; this.atoms.set(key, a); }
    return a;
  }

  /** Dimension exponents and scale of a unit expression. */
  reduce(u: Units): { dims: Map<string, number>; scale: number } {
    const dims = new Map<string, number>();
    let scale = 1;
    for (const [key, e] of u.atoms) {
      const a = this.atoms.get(key);
      if (!a) continue;
      scale *= a.scale ** e;
      for (const [d, x] of a.dims) dims.set(d, (dims.get(d) ?? 0) + x * e);
    }
    for (const [d, x] of dims) if (Math.abs(x) < 1e-9) dims.delete(d);
    return { dims, scale };
  }

  /** Same dimensions and same scale (SD does not convert: minute vs hour is a mismatch). */
  equal(a: Units, b: Units): boolean {
    return this.sameDimensions(a, b) && this.scaleRatio(a, b) !== undefined && Math.abs(this.scaleRatio(a, b)! - 1) < 1e-9;
  }

  sameDimensions(a: Units, b: Units): boolean {
    const x = this.reduce(a).dims;
    const y = this.reduce(b).dims;
    const keys = new Set([...x.keys(), ...y.keys()]);
    return [...keys].every((k) => Math.abs((x.get(k) ?? 0) - (y.get(k) ?? 0)) < 1e-9);
  }

  /** scale(a) / scale(b). */
  scaleRatio(a: Units, b: Units): number | undefined {
    const r = this.reduce(a).scale / this.reduce(b).scale;
    return Number.isFinite(r) ? r : undefined;
  }

  isDimensionless(u: Units): boolean {
    return this.reduce(u).dims.size === 0;
  }

  format(u: Units): string {
    if (u.text !== undefined) return u.text;
    const part = (e: number, key: string) => {
      const name = this.atoms.get(key)?.display ?? key;
      const p = Math.abs(e);
      return p === 1 ? name : `${name}^${Number(p.toPrecision(6))}`;
    };
    const num = [...u.atoms].filter(([, e]) => e > 0).map(([k, e]) => part(e, k));
    const den = [...u.atoms].filter(([, e]) => e < 0).map(([k, e]) => part(e, k));
    if (num.length === 0 && den.length === 0) return 'dimensionless';
    const top = num.length ? num.join('*') : '1';
    if (!den.length) return top;
    return `${top}/${den.length > 1 ? `(${den.join('*')})` : den[0]}`;
  }
}

export function multiply(a: Units, b: Units, sign = 1): Units {
  const atoms = new Map(a.atoms);
  for (const [k, e] of b.atoms) {
    const x = (atoms.get(k) ?? 0) + sign * e;
    if (Math.abs(x) < 1e-12) atoms.delete(k); else atoms.set(k, x);
  }
  return { atoms };
}

export const divide = (a: Units, b: Units): Units => multiply(a, b, -1);

export function power(a: Units, n: number): Units {
  if (n === 0) return DIMENSIONLESS;
  return { atoms: new Map([...a.atoms].map(([k, e]) => [k, e * n])) };
}
