/**
 * Parsing the equations of a file once, with diagnostics located at `file:line:column`
 * of the offending character and quoting the equation. Also the Vensim-style element list
 * (`1, 2, 3` for an arrayed variable) that Vensim's XMILE export writes: each item is
 * parsed in place (the rest blanked out), so offsets stay true to the file.
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { BUDGET_HINT, elementBudget, reserve, type ElementBudget } from '../../core/budget.js';
import type { Expr } from '../../expr/ast.js';
import type { PendingConveyor } from './conveyor.js';
import type { XExpr } from './eqn-ast.js';
import { parseXmileEquation } from './eqn-parse.js';
import { XMILE_FUNCTIONS } from './builtins.js';
import { canonicalName } from './names.js';
import type { Variable } from '../../model/types.js';
import type { TranslateEnv, Macro } from './scope.js';
import type { VectorSources } from '../vector-exprs.js';
import type { DimTable } from './dims.js';
import type { RawEqn } from './vars.js';
import { position, type XmlDoc } from './xml.js';

export interface Where {
  readonly variable: string;
  readonly field: 'equation' | 'initial';
}

export class Equations {
  private readonly cache = new Map<RawEqn, (XExpr | undefined)[]>();
  /** Variables made while translating: the instances of macros with their own variables. */
  readonly defined: Variable[] = [];
  private readonly vectors: VectorSources = new Map();
  /** Conveyors among them, and the leak fractions of their leakage flows (conveyor.ts). */
  readonly conveyors: PendingConveyor[] = [];
  readonly leakFractions = new Map<string, Expr>();
  private instances = 0;

  constructor(
    private readonly doc: XmlDoc,
    private readonly dims: DimTable,
    private readonly macros: ReadonlyMap<string, Macro>,
    private readonly diags: Diagnostic[],
    private readonly budget: ElementBudget = elementBudget(),
  ) {}

  /**
   * The parsed equation; with `items` > 1 an element list of exactly that many items is
   * also accepted. Returns one tree, or `items` trees for a list; undefined on error.
   */
  parse(eqn: RawEqn, where: Where, items = 1): (XExpr | undefined)[] | undefined {
    const hit = this.cache.get(eqn);
    if (hit) return hit.every((e) => e) ? hit : undefined;
    const text = eqn.src.text;
    const untranslated = UNTRANSLATED.exec(text);
    const fn = untranslated?.[1].trim() ?? '';
    if (untranslated && !XMILE_FUNCTIONS.has(canonicalName(fn)) && !this.macros.has(canonicalName(fn))) {
      this.report('untranslated-function', `the tool that wrote this file could not translate the Vensim function ${fn ? `'${fn}'` : 'used here'} and left it as it was`,
        untranslated.index, eqn, where, 'read the original Vensim .mdl instead (stockflow reads it), or rewrite the equation with XMILE functions');
      this.cache.set(eqn, [undefined]);
      return undefined;
    }
    const whole = parseXmileEquation(text);
    let result: (XExpr | undefined)[];
    if (whole.expr) {
      result = [whole.expr];
    } else {
      const parts = items > 1 ? splitTopLevel(text) : [];
      if (parts.length === items) {
        result = parts.map(([s, e]) => {
          const blanked = ' '.repeat(s) + text.slice(s, e) + ' '.repeat(text.length - e);
          const p = parseXmileEquation(blanked);
          if (!p.expr) this.report('syntax-error', p.error!.message, p.error!.pos, eqn, where);
          return p.expr;
        });
      } else {
        const placeholder = text.trim() === '???';
        this.report('syntax-error', placeholder ? "the equation is '???', a placeholder left by the tool that wrote the file" : whole.error!.message,
          whole.error!.pos, eqn, where, placeholder ? 'the original definition was lost in translation; give the variable a real equation' : undefined);
        result = [undefined];
      }
    }
    this.cache.set(eqn, result);
    return result.every((e) => e) ? result : undefined;
  }

  /** A translation environment whose reports point into `eqn`. */
  env(eqn: RawEqn, where: Where): TranslateEnv {
    return {
      dims: this.dims,
      macros: this.macros,
      report: (code, message, pos, hint) => this.report(code, message, pos, eqn, where, hint),
      define: (v) => { this.defined.push(v); },
      vectors: this.vectors,
      conveyor: (c, fractions, pos) => {
        const at = position(this.doc, eqn.src.offsets[Math.max(0, Math.min(pos, eqn.src.offsets.length - 1))]);
        this.conveyors.push({ ...c, where: { file: this.doc.file, ...at } });
        for (const [k, f] of fractions) this.leakFractions.set(k, f);
      },
      instance: () => ++this.instances,
      reserve: (n, what, pos) => {
        const over = reserve(this.budget, n, what);
        if (over) this.report('expansion-budget', over, pos, eqn, where, BUDGET_HINT);
        return !over && !this.budget.exceeded;
      },
    };
  }

  report(code: string, message: string, pos: number, eqn: RawEqn, where: Where, hint?: string): void {
    const offsets = eqn.src.offsets;
    const at = position(this.doc, offsets[Math.max(0, Math.min(pos, offsets.length - 1))]);
    const shown = eqn.src.text.replace(/\s+/g, ' ').trim();
    const clipped = shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
    this.diags.push(error(code, `${message} (in '${clipped}')`, { file: this.doc.file, ...at, ...where, ...(hint ? { hint } : {}) }));
  }
}


/** xmutil's mark before a Vensim function it could not translate: `{Untranslated function used}LOOKUP BACKWARD(g, 2)`. */
const UNTRANSLATED = /\{\s*untranslated function used\s*\}\s*([^(]*)/i;
/**
 * [start, end) ranges of the items at bracket depth 0, separated by `,` (and by `;`
 * between the rows of a two-dimensional Vensim list); a trailing `;` is allowed.
 */
function splitTopLevel(text: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  let quote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quote = !quote;
    if (quote) continue;
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if ((ch === ',' || ch === ';') && depth === 0) { out.push([start, i]); start = i + 1; }
  }
  if (text.slice(start).trim() !== '' || !/;\s*$/.test(text)) out.push([start, text.length]);
  return out.every(([s, e]) => text.slice(s, e).trim() !== '') ? out : [];
}
