/**
 * The structural rules of references/analysis-methods.md §4.3(b) for one constant, read off
 * the equations that use it (directly, or through auxiliaries computed from constants only):
 *
 * - B (11, buffer size): the initial value of a stock; a cap in MIN/MAX against something
 *   that depends on a stock; the room left below a cap (cap − S) inside MIN/MAX; a threshold
 *   compared with a stock; the capacity in a fill ratio S / c (c not a time, same units as S).
 * - C (9, delay): the time argument of a DELAY/SMOOTH/TREND/FORECAST; a factor of the
 *   denominator of a rate (a flow, or an auxiliary a flow reads) when the constant is a time
 *   (its units are a time unit), scales a time there (a dimensionless factor beside a factor
 *   in time units), or, without units, when the numerator reads a stock (S / τ).
 * - H (12, goal value): the goal in a (goal − S) gap of a rate. A new goal would be level 3;
 *   a new number for an existing goal stays a number.
 *
 * Rule D (loop gains, 8/7) needs the loop analysis and lives in loop-conditioning.ts.
 */
import { walk, type Expr } from '../../expr/ast.js';
import { statefulSpec } from '../../builtins/stateful.js';
import type { Variable } from '../../model/types.js';
import { carriers, factors, isStatic, isTimeUnit, mentions, readsState, readsStock, sameUnits, type Structure } from './structure.js';
import type { RuleHit } from './types.js';

const COMPARISONS = new Set(['<', '<=', '>', '>=']);
const NOT_DELAYS = new Set(['init', 'previous']);

/**
 * Every B, C and H hit for the constant `id`, one per (rule, variable). Also used for an
 * auxiliary whose equation a scenario changes only in its numbers (it then acts as a constant).
 */
export function structuralRules(s: Structure, id: string): RuleHit[] {
  const c = s.byId.get(id);
  if (!c) return [];
  const k = carriers(s, id);
  const hits = new Map<string, RuleHit>();
  const hit = (rule: RuleHit['rule'], level: number, why: string, where: string) => {
    if (!hits.has(`${rule} ${where}`)) hits.set(`${rule} ${where}`, { rule, level, why });
  };
  for (const [stock, e] of s.initial) {
    if (mentions(e, k)) hit('B', 11, `sets the initial size of stock '${name(s, stock)}'${via(s, e, k, id)}`, stock);
  }
  for (const [v, e] of s.equation) {
    if (s.statics.has(v)) continue;
    const rate = s.flows.has(v) || s.rates.has(v);
    walk(e, (n) => visit(s, c, k, v, rate, n, hit));
  }
  return [...hits.values()];
}

type Hit = (rule: RuleHit['rule'], level: number, why: string, where: string) => void;

function visit(s: Structure, c: Variable, k: ReadonlySet<string>, v: string, rate: boolean, n: Expr, hit: Hit): void {
  const where = `'${name(s, v)}'`;
  const capLike = (e: Expr) => isStatic(s, e) && mentions(e, k);
  if (n.kind === 'call') {
    const spec = statefulSpec(n.fn);
    if (spec && !NOT_DELAYS.has(spec.name) && n.args[1] && mentions(n.args[1], k)) hit('C', 9, `is the time of ${spec.name}() in ${where}`, v);
    if (n.fn === 'min' || n.fn === 'max') {
      const cap = n.args.find(capLike);
      if (cap && n.args.some((a) => a !== cap && readsState(s, a))) hit('B', 11, `caps ${where} in ${n.fn}()`, v);
      for (const a of n.args) walk(a, (m) => { if (room(s, c, k, m)) hit('B', 11, `is the capacity in the room left (cap − stock) of ${where}`, v); });
    }
    return;
  }
  if (n.kind !== 'binary') return;
  if (COMPARISONS.has(n.op)) {
    if ((capLike(n.left) && readsStock(s, n.right)) || (capLike(n.right) && readsStock(s, n.left))) hit('B', 11, `is a threshold compared with a stock in ${where}`, v);
    return;
  }
  if (n.op === '-' && rate && ((capLike(n.left) && readsState(s, n.right)) || (capLike(n.right) && readsState(s, n.left)))) {
    hit('H', 12, `is the goal of a gap (goal − state) in ${where}`, v);
    return;
  }
  if (n.op !== '/') return;
  const den = factors(s, n.right);
  if (!intersects(den, k)) return;
  if (rate && isTimeUnit(s, c.units)) return hit('C', 9, `is a time constant dividing the rate ${where}`, v);
  const pure = !c.units || /^(dimensionless|1|fraction|ratio)$/i.test(c.units.trim());
  const timed = [...den].find((id) => !k.has(id) && isTimeUnit(s, s.byId.get(id)?.units));
  if (rate && pure && timed) return hit('C', 9, `scales the time '${s.byId.get(timed)!.name}' dividing the rate ${where}`, v);
  if (rate && !c.units && readsStock(s, n.left)) return hit('C', 9, `divides the rate ${where} as a time constant (S / τ)`, v);
  const stock = n.left.kind === 'ref' && s.stocks.has(n.left.id) ? s.byId.get(n.left.id) : undefined;
  if (stock && (!c.units || !stock.units || sameUnits(c.units, stock.units))) hit('B', 11, `is the capacity in the fill ratio ${stock.name} / capacity in ${where}`, v);
}

/** (cap − S) or (S − cap) with S a stock and the cap in the stock's units (or without units). */
function room(s: Structure, c: Variable, k: ReadonlySet<string>, n: Expr): boolean {
  if (n.kind !== 'binary' || n.op !== '-') return false;
  const pair = isStatic(s, n.left) && mentions(n.left, k) ? n.right : isStatic(s, n.right) && mentions(n.right, k) ? n.left : undefined;
  if (!pair || pair.kind !== 'ref' || !s.stocks.has(pair.id)) return false;
  const units = s.byId.get(pair.id)?.units;
  return !c.units || !units || sameUnits(c.units, units);
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function name(s: Structure, id: string): string {
  return s.byId.get(id)?.name ?? id;
}

/** " (through 'X')" when the constant reaches the equation through a static auxiliary. */
function via(s: Structure, e: Expr, k: ReadonlySet<string>, id: string): string {
  const direct = new Set([id]);
  if (mentions(e, direct)) return '';
  const through = [...k].filter((x) => x !== id && mentions(e, new Set([x])));
  return through.length ? ` (through '${name(s, through[0])}')` : '';
}
