/**
 * Dimensional unit checking (issue 2). Declared unit strings are parsed (units-parse.ts) and
 * resolved through a private mathjs instance (units-registry.ts); the units of every
 * equation are inferred from its operands' declared units and compared:
 *
 * - terms of `+ -`, comparisons, `min`/`max`/`sum`, the branches of `if` must agree;
 * - a flow or auxiliary whose equation has other units than it declares is flagged;
 * - every declared inflow/outflow of a declared stock must be in stock units per time unit.
 *
 * Only declared units constrain. Number literals are "any units" (a literal in `x * 0.02`
 * may carry a hidden 1/year), so they adapt to whatever they are combined with; variables
 * without declared units are inferred where possible but their own declaration is never
 * flagged. Units must match in scale too: SD does not convert, so degF/minute vs degF/hour
 * is a mismatch. All problems are warnings (a run still proceeds); `unitsAsErrors` or the
 * `severity` option turn them into errors, e.g. for `check --strict-units`.
 */
import { canonicalName } from '../core/names.js';
import type { Diagnostic, Severity } from '../core/diagnostics.js';
import type { Expr } from '../expr/ast.js';
import { helperOwner, type Program, type ProgramNode } from '../builtins/program.js';
import { functionSpec } from '../builtins/functions.js';
import type { Model } from '../model/types.js';
import { parseUnits } from './units-parse.js';
import { DIMENSIONLESS, divide, multiply, power, UnitRegistry, type Units } from './units-registry.js';

/** Codes of the diagnostics checkUnits reports. */
export const UNIT_DIAGNOSTIC_CODES: readonly string[] = ['unit-mismatch', 'unit-syntax', 'unit-check-failed'];

export interface UnitCheckOptions {
  /** Severity of every unit diagnostic; default 'warning'. */
  readonly severity?: Severity;
}

export function isUnitDiagnostic(d: Diagnostic): boolean {
  return UNIT_DIAGNOSTIC_CODES.includes(d.code);
}

/** Promotes unit diagnostics to errors (for `check --strict-units`); others are unchanged. */
export function unitsAsErrors(diags: readonly Diagnostic[]): Diagnostic[] {
  return diags.map((d) => (isUnitDiagnostic(d) ? { ...d, severity: 'error' } : d));
}

/** Checks declared units dimensionally; never throws, every problem is a diagnostic. */
export function checkUnits(model: Model, program: Program, options: UnitCheckOptions = {}): Diagnostic[] {
  const severity = options.severity ?? 'warning';
  let diags: Diagnostic[];
  try {
    diags = new UnitChecker(model, program).run();
  } catch (e) {
    diags = [{ code: 'unit-check-failed', severity: 'warning', message: `units could not be checked: ${e instanceof Error ? e.message : String(e)}`, file: model.file }];
  }
  const seen = new Set<string>();
  return diags
    .filter((d) => { const k = `${d.code}|${d.variable}|${d.field}|${d.message}`; return seen.has(k) ? false : (seen.add(k), true); })
    .map((d) => ({ ...d, severity }));
}

type U = Units | undefined;

/** Reserved names measured in the time unit. */
const TIME_NAMES = new Set(['time', 'dt', 'time_step', 'starttime', 'initial_time', 'stoptime', 'final_time', 'saveper']);

class UnitChecker {
  private readonly reg: UnitRegistry;
  private readonly declared = new Map<string, Units>();
  private readonly inferred = new Map<string, U>();
  private readonly initialUnits = new Map<string, U>();
  private readonly inProgress = new Set<string>();
  private readonly diags: Diagnostic[] = [];
  /** How many non-negative stocks list each flow as an outflow (each wraps it in min()). */
  private readonly cuts = new Map<string, number>();
  private time: U;

  constructor(private readonly model: Model, private readonly program: Program) {
    this.reg = new UnitRegistry(model.unitAliases);
  }

  run(): Diagnostic[] {
    this.parseDeclarations();
    for (const node of this.program.nodes) this.infer(node);
    for (const node of this.program.nodes) if (!node.helper) this.checkDeclared(node);
    if (this.time) for (const node of this.program.nodes) if (!node.helper && node.kind === 'stock') this.checkStockFlows(node);
    return this.diags;
  }

  private where(node: ProgramNode, field?: string): Partial<Diagnostic> {
    const owner = node.helper ? this.program.byId.get(helperOwner(node.id) ?? node.id) ?? node : node;
    const o = owner.variable?.origin;
    return { file: o?.file ?? this.model.file, line: o?.line, column: o?.column, variable: owner.variable?.name ?? owner.name, field };
  }

  private warn(code: string, message: string, where: Partial<Diagnostic>, hint?: string) {
    const d: Diagnostic = { ...where, code, severity: 'warning', message, hint };
    this.diags.push(Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as unknown as Diagnostic);
  }

  private fmt(u: Units): string {
    return this.reg.format(u);
  }

  private parseDeclarations() {
    const t = this.model.sim?.timeUnit;
    if (typeof t === 'string') {
      const r = parseUnits(this.reg, t);
      if (r.error) this.warn('unit-syntax', `cannot parse the time unit '${t}': ${r.error}`, { file: this.model.file, field: 'time_unit' }, 'write a unit such as minute, day or Month');
      this.time = r.units;
    }
    for (const node of this.program.nodes) {
      if (node.helper || typeof node.units !== 'string') continue;
      const r = parseUnits(this.reg, node.units);
      if (r.error) {
        this.warn('unit-syntax', `cannot parse the units '${node.units}' of '${node.name}': ${r.error}`, this.where(node, 'units'),
          "write units as names combined with '*', '/', '^' and parentheses, e.g. Widgets/Month");
      } else if (r.units) this.declared.set(node.id, r.units);
    }
    for (const v of this.model.variables) {
      if (v.kind !== 'stock' || !v.nonNegative) continue;
      for (const name of v.outflows) this.cuts.set(canonicalName(name), (this.cuts.get(canonicalName(name)) ?? 0) + 1);
    }
  }

  /** Units of a reference: the declared units, else inferred. */
  private unitsOf(id: string): U {
    const node = this.program.byId.get(id);
    if (!node) return TIME_NAMES.has(id) ? this.time : undefined;
    return this.declared.get(id) ?? this.infer(node);
  }

  /** Infers (once) the units of a node's value; mismatches inside its equations are reported. */
  private infer(node: ProgramNode): U {
    if (this.inferred.has(node.id)) return this.inferred.get(node.id);
    if (this.inProgress.has(node.id)) return undefined;
    this.inProgress.add(node.id);
    let u: U;
    try {
      u = this.compute(node);
    } finally {
      this.inProgress.delete(node.id);
    }
    this.inferred.set(node.id, u);
    return u;
  }

  private compute(node: ProgramNode): U {
    const report = (field: string) => (message: string, hint?: string) =>
      this.warn('unit-mismatch', node.helper ? `${message} (in '${node.name}', expanded from a builtin)` : message, this.where(node, field), hint);
    const walk = (e: Expr | undefined, field: string, silent = false): U =>
      (e ? this.expr(e, silent ? () => {} : report(field)) : undefined);
    switch (node.kind) {
      case 'constant':
      case 'lookup':
        return undefined;
      case 'stock': {
        const init = walk(node.equation, 'initial');
        this.initialUnits.set(node.id, init);
        if (init) {
          // known now, so that the rate of a builtin's stock can refer to the stock itself
          this.inferred.set(node.id, init);
          if (node.helper) walk(node.rate, 'equation');
          return init;
        }
        // the net rate of a model stock is the synthesised sum of its flows: checked per flow instead
        const rate = walk(node.rate, 'equation', !node.helper);
        return rate && this.time ? multiply(rate, this.time) : undefined;
      }
      case 'flow':
      case 'aux': {
        const u = walk(this.unwrapCuts(node), 'equation');
        return node.table ? undefined : u;
      }
      case 'init':
        return walk(node.equation, 'equation');
      default: {
        // previous / pipeline: the value of `source`, `equation` before it exists
        walk(node.delay, 'equation');
        const first = walk(node.equation, 'equation');
        const src = walk(node.source, 'equation');
        return src ?? first;
      }
    }
  }

  /** The flow's own equation without the min(…, max(0, …)) added for non-negative stocks. */
  private unwrapCuts(node: ProgramNode): Expr | undefined {
    let e = node.equation;
    for (let n = this.cuts.get(node.id) ?? 0; n > 0 && e?.kind === 'call' && e.fn === 'min' && e.args.length === 2; n--) {
      const cap = e.args[1];
      if (cap.kind !== 'call' || cap.fn !== 'max' || cap.args[0]?.kind !== 'num' || cap.args[0].value !== 0) break;
      e = e.args[0];
    }
    return e;
  }

  /** Units of an expression; undefined means unconstrained (numbers, undeclared inputs). */
  private expr(e: Expr, report: (message: string, hint?: string) => void): U {
    const sub = (x: Expr) => this.expr(x, report);
    const same = (what: string, parts: readonly U[]): U => {
      let acc: U;
      for (const p of parts) {
        if (!p) continue;
        if (!acc) { acc = p; continue; }
        if (!this.reg.equal(acc, p)) {
          report(`${what} have different units: ${this.fmt(acc)} and ${this.fmt(p)}`, this.hint(acc, p, 'make every term the same units'));
          return undefined;
        }
      }
      return acc;
    };
    switch (e.kind) {
      case 'num': return undefined;
      case 'ref': return this.unitsOf(e.id);
      case 'unary': {
        const u = sub(e.arg);
        return e.op === 'not' ? DIMENSIONLESS : u;
      }
      case 'if': {
        sub(e.cond);
        return same('the branches of if', [sub(e.then), sub(e.else)]);
      }
      case 'call': return this.call(e, sub, same, report);
      case 'binary': {
        const l = sub(e.left);
        const r = sub(e.right);
        switch (e.op) {
          case '+': return same('the terms of a sum', [l, r]);
          case '-': return same('the terms of a difference', [l, r]);
          case '*': return l && r ? multiply(l, r) : undefined;
          case '/': return l && r ? divide(l, r) : undefined;
          case '^': return this.pow(l, e.right, r, report);
          case 'mod': return l;
          case 'and': case 'or': case 'xor': return DIMENSIONLESS;
          default:
            same('the sides of a comparison', [l, r]);
            return DIMENSIONLESS;
        }
      }
      default: return undefined;
    }
  }

  private call(e: Expr & { kind: 'call' }, sub: (x: Expr) => U, same: (what: string, parts: readonly U[]) => U, report?: (message: string, hint?: string) => void): U {
    if (e.fn === 'lookup') {
      if (e.args[1]) sub(e.args[1]);
      const table = e.args[0];
      return table?.kind === 'ref' ? this.declared.get(table.id) : undefined;
    }
    if (functionSpec(e.fn)?.table) return this.tableCall(e, sub);
    const args = e.args.map(sub);
    const [a, b, c] = args;
    switch (e.fn) {
      case 'sqrt': return this.pow(a, { kind: 'num', value: 0.5 });
      case 'pow': case 'power': return this.pow(a, e.args[1], b, report);
      case 'zidz': return a && b ? divide(a, b) : undefined;
      case 'xidz': case 'safediv': return same(`the arguments of ${e.fn}()`, [a && b ? divide(a, b) : undefined, c]);
      case 'ramp': return a && this.time ? multiply(a, this.time) : undefined;
      default: break;
    }
    const spec = functionSpec(e.fn);
    switch (spec?.units) {
      case 'same': return same(`the arguments of ${e.fn}()`, args);
      case 'dimensionless': return DIMENSIONLESS;
      case 'first': return a;
      case 'product': return args.every((x) => x) ? args.reduce<Units>((p, x) => multiply(p, x!), DIMENSIONLESS) : undefined;
      default: return undefined;
    }
  }

  /**
   * Table functions (builtins/table-functions.ts): the first argument is a table, whose
   * declared units are its values' units; x values are taken as dimensionless or in the
   * units of the other arguments (Vensim reference: LOOKUP AREA gives units1 · units2).
   */
  private tableCall(e: Expr & { kind: 'call' }, sub: (x: Expr) => U): U {
    const rest = e.args.slice(1).map(sub);
    const table = e.args[0];
    const values = table?.kind === 'ref' ? this.declared.get(table.id) : undefined;
    if (e.fn === 'lookup_area') {
      const x = rest[0] ?? rest[1]; // a literal end (often 0) has any units
      return values && x ? multiply(values, x) : undefined;
    }
    if (e.fn === 'data_first_time' || e.fn === 'data_last_time') return this.time;
    const rule = functionSpec(e.fn)!.units;
    return rule === 'table' ? values : rule === 'dimensionless' ? DIMENSIONLESS : undefined;
  }

  /** base ^ exponent; an exponent with units is an error (x^(2 hours) has no meaning). */
  private pow(base: U, exponent: Expr | undefined, exponentUnits?: U, report?: (message: string, hint?: string) => void): U {
    if (exponentUnits && !this.reg.isDimensionless(exponentUnits)) {
      report?.(`the exponent has units ${this.fmt(exponentUnits)}; an exponent must be dimensionless`, 'divide the exponent by a constant in the same units (e.g. t / Time_Scale), or correct the declared units');
      return undefined;
    }
    if (!base) return undefined;
    const n = exponent ? this.numeric(exponent) : undefined;
    if (n !== undefined) return power(base, n);
    return this.reg.isDimensionless(base) && this.reg.scaleRatio(base, DIMENSIONLESS) === 1 ? base : undefined;
  }

  /** The value of an exponent made of numbers and constants, if it is one. */
  private numeric(e: Expr): number | undefined {
    switch (e.kind) {
      case 'num': return e.value;
      case 'ref': {
        const n = this.program.byId.get(e.id);
        return n?.kind === 'constant' ? n.value : undefined;
      }
      case 'unary': {
        const v = this.numeric(e.arg);
        return v === undefined || e.op === 'not' ? undefined : e.op === '-' ? -v : v;
      }
      case 'binary': {
        const l = this.numeric(e.left);
        const r = this.numeric(e.right);
        if (l === undefined || r === undefined) return undefined;
        const v = e.op === '+' ? l + r : e.op === '-' ? l - r : e.op === '*' ? l * r : e.op === '/' ? l / r : e.op === '^' ? l ** r : NaN;
        return Number.isFinite(v) ? v : undefined;
      }
      default: return undefined;
    }
  }

  /** A hint that names the conversion factor when only the scale differs. */
  private hint(have: Units, want: Units, otherwise: string): string {
    const ratio = this.reg.sameDimensions(have, want) ? this.reg.scaleRatio(have, want) : undefined;
    if (ratio === undefined) return `${otherwise}, or correct the declared units`;
    const [big, small, r] = ratio >= 1 ? [have, want, ratio] : [want, have, 1 / ratio];
    return `the dimensions agree but the scales differ by a factor of ${Number(r.toPrecision(6))} (1 ${this.fmt(big)} = ${Number(r.toPrecision(6))} ${this.fmt(small)}): convert explicitly, nothing is converted automatically`;
  }

  private checkDeclared(node: ProgramNode) {
    const want = this.declared.get(node.id);
    if (!want) return;
    if (node.kind === 'flow' || node.kind === 'aux') {
      const have = node.table ? undefined : this.inferred.get(node.id);
      if (have && !this.reg.equal(have, want)) {
        this.warn('unit-mismatch', `equation has units ${this.fmt(have)} but '${node.name}' declares ${this.fmt(want)}`,
          this.where(node, 'equation'), this.hint(have, want, 'fix the equation'));
      }
    } else if (node.kind === 'stock') {
      const have = this.initialUnits.get(node.id);
      if (have && !this.reg.equal(have, want)) {
        this.warn('unit-mismatch', `initial value has units ${this.fmt(have)} but '${node.name}' declares ${this.fmt(want)}`,
          this.where(node, 'initial'), this.hint(have, want, 'fix the initial value'));
      }
    }
  }

  /** Each declared flow of a declared stock must be in stock units per time unit. */
  private checkStockFlows(node: ProgramNode) {
    const stock = node.variable;
    const units = this.declared.get(node.id);
    if (!units || !this.time || stock?.kind !== 'stock') return;
    const want = divide(units, this.time);
    const timeText = this.fmt(this.time);
    for (const [names, dir] of [[stock.inflows, 'into'], [stock.outflows, 'out of']] as const) {
      for (const name of names) {
        const flow = this.program.byId.get(canonicalName(name));
        const have = flow && this.declared.get(flow.id);
        if (!flow || !have || this.reg.equal(have, want)) continue;
        this.warn('unit-mismatch',
          `flow '${flow.name}' has units ${this.fmt(have)} but flows ${dir} stock '${node.name}' (${this.fmt(units)}), so it must have ${this.fmt(want)} (stock units per ${timeText})`,
          this.where(flow, 'units'), this.hint(have, want, `declare '${flow.name}' in ${this.fmt(want)}`));
      }
    }
  }
}
