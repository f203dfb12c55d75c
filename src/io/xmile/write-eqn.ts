/**
 * Native equation text (docs/equations.md) → XMILE 1.0 equation text (§3.3, §3.5).
 * The native text is parsed with the shared parser in its native dialect; names are
 * rewritten through `names` (scalar or array-element XMILE references), operators take
 * their XMILE spelling (`==` → `=`, `!=` → `<>`, `?:` → IF THEN ELSE) and functions their
 * XMILE names, or an exact XMILE expression when XMILE has no such function. Anything
 * without an XMILE equivalent is written in the stockflow vendor namespace
 * (`stockflow.pulse_train(…)`, XMILE §2.3), which readXmile maps back.
 */
import type { XBinOp, XExpr } from './eqn-ast.js';
import { parseXmileEquation } from './eqn-parse.js';
import { canonicalName, xmileRef } from './names.js';
import { formatNumber } from './print-native.js';
import { functionToXmile } from './write-functions.js';

export interface EqnContext {
  /** Canonical name → XMILE reference text (`Teacup_Temperature`, `pop[a1]`). */
  readonly names: ReadonlyMap<string, string>;
  readonly saveper: number;
  /** Told of each native function written in the stockflow namespace (write-notes.ts). */
  readonly onVendorCall?: (fn: string) => void;
}

export type Printed = { readonly text: string; readonly prec: number };

const PREC: Readonly<Record<XBinOp, number>> = {
  or: 1, xor: 1, and: 2, '=': 3, '<>': 3, '<': 4, '<=': 4, '>': 4, '>=': 4,
  '+': 5, '-': 5, '*': 6, '/': 6, mod: 6, '^': 8,
};
const UNARY = 7;
const ATOM = 10;
const SPELL: Readonly<Record<XBinOp, string>> = {
  or: 'OR', xor: 'XOR', and: 'AND', '=': '=', '<>': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
  '+': '+', '-': '-', '*': '*', '/': '/', mod: 'MOD', '^': '^',
};

/** Reserved native names → XMILE (§3.5.5); saveper has no XMILE name and is written as its value. */
const RESERVED: Readonly<Record<string, string>> = {
  time: 'TIME', dt: 'DT', time_step: 'DT', starttime: 'STARTTIME', initial_time: 'STARTTIME',
  stoptime: 'STOPTIME', final_time: 'STOPTIME', pi: 'PI', e: 'EXP(1)', inf: 'INF', nan: 'NAN',
};

/** XMILE text of a native equation, or an error message. */
export function toXmileEquation(native: string, ctx: EqnContext): { text?: string; error?: string } {
  const parsed = parseXmileEquation(native, 'native');
  if (!parsed.expr) return { error: `${parsed.error!.message} at character ${parsed.error!.pos + 1} of '${native}'` };
  return { text: print(parsed.expr, ctx).text };
}

export function print(e: XExpr, ctx: EqnContext): Printed {
  switch (e.kind) {
    case 'num': return { text: formatNumber(e.value).replace(/^inf$/, 'INF').replace(/^nan$/, 'NAN'), prec: ATOM };
    case 'name': return { text: nameText(e.name, ctx), prec: ATOM };
    case 'call': return functionToXmile(e, ctx);
    case 'unary': {
      const arg = print(e.arg, ctx);
      const inner = arg.prec >= ATOM ? arg.text : `(${arg.text})`;
      return { text: e.op === 'not' ? `NOT ${inner}` : `${e.op}${inner}`, prec: UNARY };
    }
    case 'binary': {
      if (e.op === 'xor') {
        const a = wrap(print(e.left, ctx));
        const b = wrap(print(e.right, ctx));
        return { text: `(${a} OR ${b}) AND NOT (${a} AND ${b})`, prec: PREC.and };
      }
      const p = PREC[e.op];
      const l = print(e.left, ctx);
      const r = print(e.right, ctx);
      const right = e.op === '^';
      const lw = l.prec < p || (right && l.prec <= p) || ((p === 3 || p === 4) && l.prec === p);
      const rw = r.prec < p || (!right && r.prec === p) || (right && r.prec < ATOM && r.prec !== p);
      return { text: `${lw ? `(${l.text})` : l.text} ${SPELL[e.op]} ${rw ? `(${r.text})` : r.text}`, prec: p };
    }
    case 'if': {
      const c = print(e.cond, ctx).text;
      return { text: `(IF ${c} THEN ${print(e.then, ctx).text} ELSE ${print(e.else, ctx).text})`, prec: ATOM };
    }
    default: return { text: '', prec: ATOM };
  }
}

/** A printed operand in parentheses unless it is an atom. */
export function wrap(p: Printed): string {
  return p.prec >= ATOM ? p.text : `(${p.text})`;
}

function nameText(name: string, ctx: EqnContext): string {
  const id = canonicalName(name);
  const known = ctx.names.get(id);
  if (known) return known;
  if (id === 'saveper') return formatNumber(ctx.saveper);
  return RESERVED[id] ?? xmileRef(name);
}
