/**
 * Compiles an ordered Program into JavaScript: straight-line statements over preallocated
 * Float64Arrays, split into functions of CHUNK statements so that V8 optimises each one
 * (one huge function is about 12× slower: ../shared/references/performance.md). This file
 * holds the only `new Function` in the project; what it compiles contains slot indices,
 * numbers and library calls only (see emit.ts).
 */
import type { Program, ProgramNode } from '../builtins/program.js';
import { makeLookup, runtime, type LookupFn } from '../builtins/runtime.js';
import type { Ordering } from '../graph/order.js';
import type { SimSpec } from '../model/types.js';
import { emitExpr, type Slots } from './emit.js';
import { layoutProgram, type Layout } from './layout.js';

/** Statements per generated function; 16–64 all run within 1.17× of the best (performance.md). */
const CHUNK = 24;

export interface CompiledModel {
  readonly layout: Layout;
  readonly sim: SimSpec;
  /** Dynamic nodes in evaluation order (slot indices), for naming the first NaN. */
  readonly evaluationOrder: readonly number[];
  /** Computes initial values into v (constants must already be there) and copies stocks to y. */
  initialize(t: number, y: Float64Array, v: Float64Array): void;
  /** Computes every flow and auxiliary into v from the state y, and the net rates into d. */
  evaluate(t: number, y: Float64Array, v: Float64Array, d: Float64Array): void;
  /** Captures the sources of previous() and pipeline delays at a step boundary into p. */
  capture(t: number, y: Float64Array, v: Float64Array, p: Float64Array): void;
  /** The generated JavaScript, for inspection. */
  readonly code: string;
}

export function compileProgram(program: Program, ordering: Ordering, sim: SimSpec): CompiledModel {
  const layout = layoutProgram(program);
  const slots = (stockArray: 'y' | 'v'): Slots => ({
    read: (id) => {
      const s = layout.slotOf.get(id);
      if (s === undefined) throw new Error(`no slot for '${id}'`);
      return s < layout.nStates ? `${stockArray}[${s}]` : `v[${s}]`;
    },
    lookup: (id) => layout.lookupOf.get(id)!,
  });
  const dyn = slots('y');
  const ini = slots('v');
  const value = (n: ProgramNode, s: Slots) => {
    const e = emitExpr(n.equation!, s);
    return n.table && n.kind !== 'lookup' ? `lk[${layout.lookupOf.get(n.id)}](${e})` : e;
  };
  const evalStmts = ordering.dynamic.map((n) => `v[${layout.slotOf.get(n.id)}] = ${value(n, dyn)};`);
  const stocks = program.nodes.filter((n) => n.kind === 'stock');
  evalStmts.push(...stocks.map((n, i) => `d[${i}] = ${emitExpr(n.rate!, dyn)};`));
  const initStmts: string[] = [];
  for (const n of ordering.initial) {
    if (n.kind === 'constant') continue; // set from the constants array before initialising
    const s = layout.slotOf.get(n.id)!;
    initStmts.push(`v[${s}] = ${value(n, ini)};`);
    if (n.kind === 'pipeline') initStmts.push(`v[${layout.pipelines.find((p) => p.slot === s)!.delaySlot}] = ${emitExpr(n.delay!, ini)};`);
  }
  initStmts.push(...stocks.map((_, i) => `y[${i}] = v[${i}];`));
  const captured = [...program.nodes.filter((n) => n.kind === 'previous'), ...program.nodes.filter((n) => n.kind === 'pipeline')];
  const captureStmts = captured.map((n, j) => `p[${j}] = ${emitExpr(n.source!, dyn)};`);

  const parts: string[] = ['"use strict";', 'const DT = P.dt, START = P.start, STOP = P.stop, SAVEPER = P.saveper;'];
  const evalCalls = chunked(parts, 'e', '(t, y, v, d)', evalStmts);
  const initCalls = chunked(parts, 'i', '(t, y, v)', initStmts);
  const captureCalls = chunked(parts, 'c', '(t, y, v, p)', captureStmts);
  parts.push(`return {
  evaluate(t, y, v, d) { ${evalCalls} },
  initialize(t, y, v) { ${initCalls} },
  capture(t, y, v, p) { ${captureCalls} },
};`);
  const code = parts.join('\n');
  const lookups: LookupFn[] = [];
  for (const n of program.nodes) if (n.table) lookups[layout.lookupOf.get(n.id)!] = makeLookup(n.table);
  const factory = new Function('R', 'lk', 'P', code) as (r: typeof runtime, lk: LookupFn[], p: SimSpec) => Pick<CompiledModel, 'evaluate' | 'initialize' | 'capture'>;
  const fns = factory(runtime, lookups, sim);
  return {
    layout, sim, code, ...fns,
    evaluationOrder: ordering.dynamic.map((n) => layout.slotOf.get(n.id)!),
  };
}

/** Appends functions `${prefix}0…` holding CHUNK statements each; returns the calls. */
function chunked(parts: string[], prefix: string, params: string, stmts: readonly string[]): string {
  const calls: string[] = [];
  for (let i = 0; i < stmts.length; i += CHUNK) {
    const name = `${prefix}${calls.length}`;
    parts.push(`function ${name}${params} {\n  ${stmts.slice(i, i + CHUNK).join('\n  ')}\n}`);
    calls.push(`${name}${params};`);
  }
  return calls.join(' ');
}
