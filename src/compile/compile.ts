/**
 * Compiles an ordered Program into JavaScript: straight-line statements over preallocated
 * Float64Arrays, split into functions of CHUNK statements so that V8 optimises each one
 * (one huge function is about 12× slower in V8, as measured by the project's bench). This file
 * holds the only `new Function` in the project; what it compiles contains slot indices,
 * numbers and library calls only (see emit.ts).
 */
import { siteNumbers } from './sites.js';
import type { Program, ProgramNode } from '../builtins/program.js';
import { references } from '../expr/ast.js';
import { CLOCK_FIELDS, type ClockField } from '../builtins/clock.js';
import { makeLookup, runtime, type LookupFn } from '../builtins/runtime.js';
import type { Ordering } from '../graph/order.js';
import type { LookupTable, SimSpec } from '../model/types.js';
import { emitExpr, numberLiteral, type Slots } from './emit.js';
import type { BeltShape } from '../builtins/conveyor.js';
import { layoutProgram, type Layout } from './layout.js';

/** The generated code's names for the clock fields. */
const CLOCK_JS: Readonly<Record<ClockField, string>> = { dt: 'DT', saveper: 'SAVEPER', stop: 'STOP' };

/** Statements per generated function; 16–64 all run within 1.17× of the best (performance.md). */
const CHUNK = 24;

export interface CompiledModel {
  readonly layout: Layout;
  readonly sim: SimSpec;
  /** Dynamic nodes in evaluation order (slot indices), for naming the first NaN. */
  readonly evaluationOrder: readonly number[];
  /**
   * Computes initial values into v (constants must already be there) and copies stocks to y;
   * restarts the random streams from `seed` (builtins/random.ts).
   */
  initialize(t: number, y: Float64Array, v: Float64Array, seed?: number): void;
  /** Computes every flow and auxiliary into v from the state y, and the net rates into d. */
  evaluate(t: number, y: Float64Array, v: Float64Array, d: Float64Array): void;
  /**
   * Holds the test inputs (STEP, RAMP, PULSE, PULSE TRAIN) at their value at time t through
   * the evaluations that follow, as Vensim does over each TIME STEP of its Runge–Kutta
   * integration; hold(NaN), and initialize(), let them follow the evaluated time again.
   */
  hold(t: number): void;
  /** Captures the sources of previous() and pipeline delays at a step boundary into p, and records history() inputs. */
  capture(t: number, y: Float64Array, v: Float64Array, p: Float64Array): void;
  /** Takes the step just integrated on the conveyor belts, from what capture() staged. */
  settle(): void;
  /** True when capture() has work: previous(), fixed delays, history() or conveyors. */
  readonly captures: boolean;
  /** True when dt, saveper or stop change during the run (Program.clock). */
  readonly varyingClock: boolean;
  /** True when the clock reads model variables, so it is evaluated after evaluate(). */
  readonly clockReadsModel: boolean;
  /**
   * Evaluates the clock at time t: c = [dt, saveper, stop], and the generated code's DT,
   * SAVEPER and STOP follow. A fixed clock just reports its values.
   */
  clock(t: number, y: Float64Array, v: Float64Array, c: Float64Array): void;
  /** The generated JavaScript: the body of a function of (R runtime, lk lookups, P sim spec). */
  readonly code: string;
  /** The lookup tables behind `lk`, by index. */
  readonly tables: readonly LookupTable[];
  /** The node id of each random call site (compile/sites.ts), to name the variable of a bad draw; not portable. */
  readonly siteOwners?: ReadonlyMap<number, string>;
}

/**
 * Turns generated code into the model's functions: the one `new Function` of the project.
 * The browser explorer calls it too, on code this compiler emitted (compile/portable.ts).
 */
export function instantiate(code: string, tables: readonly LookupTable[], sim: SimSpec): Pick<CompiledModel, 'evaluate' | 'initialize' | 'capture' | 'clock' | 'settle' | 'hold'> {
  const lookups: LookupFn[] = tables.map((t) => makeLookup(t));
  const factory = new Function('R', 'lk', 'P', code) as (r: typeof runtime, lk: LookupFn[], p: SimSpec) => Pick<CompiledModel, 'evaluate' | 'initialize' | 'capture' | 'clock' | 'settle' | 'hold'>;
  return factory(runtime, lookups, sim);
}

export function compileProgram(program: Program, ordering: Ordering, sim: SimSpec): CompiledModel {
  const layout = layoutProgram(program);
  const sites = siteNumbers();
  // the slot of the node being emitted (a vector_of keeps its elements by it)
  let own = -1;
  const slots = (stockArray: 'y' | 'v'): Slots => ({
    read: (id) => {
      const s = layout.slotOf.get(id);
      if (s === undefined) throw new Error(`no slot for '${id}'`);
      return s < layout.nStates ? `${stockArray}[${s}]` : `v[${s}]`;
    },
    has: (id) => layout.slotOf.has(id),
    lookup: (id) => layout.lookupOf.get(id)!,
    site: sites.next,
    slot: (id) => layout.slotOf.get(id)!,
    own: () => own,
  });
  const dyn = slots('y');
  const ini = slots('v');
  const value = (n: ProgramNode, s: Slots) => {
    sites.begin(n.id);
    own = layout.slotOf.get(n.id) ?? -1;
    const e = emitExpr(n.equation!, s);
    return n.table && n.kind !== 'lookup' ? `L${layout.lookupOf.get(n.id)}(${e})` : e;
  };
  const stocks = program.nodes.filter((n) => n.kind === 'stock');
  const evalStmts = withLocals([
    ...ordering.dynamic.map((n) => ({ slot: layout.slotOf.get(n.id)!, code: (s: Slots) => value(n, s) })),
    ...stocks.map((n, i) => ({ rate: i, code: (s: Slots) => { sites.begin(`rate ${n.id}`, n.id); return emitExpr(n.rate!, s); } })),
  ], dyn, layout);
  const initStmts: string[] = [];
  const histories = program.nodes.filter((n) => n.kind === 'history');
  const belts = program.nodes.filter((n) => n.kind === 'conveyor');
  const beltArgs = (n: ProgramNode, s: Slots) => `${belts.indexOf(n)}, ${layout.slotOf.get(n.id)!}, ${emitExpr(n.equation!, s)}`;
  // A belt's args: sample, arrest, then the leak fractions (conveyor-node.ts).
  const fractions = (n: ProgramNode, s: Slots) => `[${(n.args ?? []).slice(2).map((a) => emitExpr(a, s)).join(', ')}]`;
  for (const n of ordering.initial) {
    if (n.kind === 'constant') continue; // set from the constants array before initialising
    const s = layout.slotOf.get(n.id)!;
    // A history node's value is its record number, which history_at() reads; a belt's its number.
    if (n.kind === 'conveyor') {
      sites.begin(`belt ${n.id}`, n.id);
      initStmts.push(`v[${s}] = ${belts.indexOf(n)}; CV.init(${beltArgs(n, ini)}, ${emitExpr(n.delay!, ini)}, ${fractions(n, ini)});`);
      continue;
    }
    initStmts.push(`v[${s}] = ${n.kind === 'history' ? histories.indexOf(n) : value(n, ini)};`);
    if (n.kind === 'pipeline') {
      sites.begin(`delay ${n.id}`, n.id);
      initStmts.push(`v[${layout.pipelines.find((p) => p.slot === s)!.delaySlot}] = ${emitExpr(n.delay!, ini)};`);
    }
  }
  initStmts.push(...stocks.map((_, i) => `y[${i}] = v[${i}];`));
  const captured = [...program.nodes.filter((n) => n.kind === 'previous'), ...program.nodes.filter((n) => n.kind === 'pipeline')];
  const captureStmts = captured.map((n, j) => { sites.begin(`source ${n.id}`, n.id); return `p[${j}] = ${emitExpr(n.source!, dyn)};`; });
  if (histories.length) captureStmts.push('HS.mark(t);');
  histories.forEach((n, j) => { sites.begin(`source ${n.id}`, n.id); captureStmts.push(`HS.put(${j}, ${emitExpr(n.source!, dyn)});`); });
  belts.forEach((n, j) => {
    sites.begin(`source ${n.id}`, n.id);
    const [sample, arrest] = n.args!.map((a) => emitExpr(a, dyn));
    captureStmts.push(`CV.stage(${j}, ${emitExpr(n.source!, dyn)}, ${emitExpr(n.delay!, dyn)}, ${sample}, ${arrest}, ${fractions(n, dyn)});`);
  });
  const clock = program.clock ?? {};
  const varyingClock = CLOCK_FIELDS.some((f) => clock[f]);
  const clockReadsModel = CLOCK_FIELDS.some((f) => clock[f] && [...references(clock[f]!)].some((id) => {
    const kind = program.byId.get(id)?.kind;
    return kind !== undefined && kind !== 'constant' && kind !== 'lookup';
  }));
  const clockStmts = CLOCK_FIELDS.map((f, i) => {
    const e = clock[f];
    return e ? `c[${i}] = ${CLOCK_JS[f]} = ${emitExpr(e, dyn)};` : `c[${i}] = ${CLOCK_JS[f]};`;
  });

  // Lookups and runtime helpers are bound to constants once, so calls need no property loads.
  const parts: string[] = [
    '"use strict";',
    // The clock is constant unless the spec varies: then clock() reassigns it before each step.
    `${varyingClock ? 'let' : 'const'} DT = P.dt, STOP = P.stop, SAVEPER = P.saveper;`,
    'const START = P.start;',
    // The time test inputs read (STEP, RAMP, PULSE, PULSE TRAIN): NaN = the current time (hold()).
    'let TI = NaN;',
    'const RS = R.createRandomState(START, DT);',
    `const HS = R.createHistory(${histories.length});`,
    // vector_of elements by slot, and what their readers derive from them (vector-state.ts)
    'const VS = R.createVectorSites();',
    `const CV = R.createConveyors([${belts.map((n) => beltShape(n.belt!)).join(', ')}], DT);`,
    ...[...new Set(layout.lookupOf.values())].map((k) => `const L${k} = lk[${k}];`),
  ];
  const evalCalls = chunked(parts, 'e', '(t, y, v, d)', evalStmts);
  const initCalls = chunked(parts, 'i', '(t, y, v)', split(initStmts));
  const captureCalls = chunked(parts, 'c', '(t, y, v, p)', split(captureStmts));
  parts.push(`return {
  evaluate(t, y, v, d) { ${evalCalls} },
  initialize(t, y, v, seed = 0) { TI = NaN; RS.reset(seed); HS.reset(); CV.reset(); ${initCalls} },
  hold(t) { TI = t; },
  capture(t, y, v, p) { ${captureCalls} },
  settle() { ${belts.length ? 'CV.commit();' : ''} },
  clock(t, y, v, c) { ${clockStmts.join(' ')} },
};`);
  const code = parts.join('\n').replace(/\bR\.(\w+)\(/g, 'R_$1(');
  const helpers = Object.keys(runtime).map((k) => `R_${k} = R.${k}`).join(', ');
  const body = code.replace('"use strict";', `"use strict";\nconst ${helpers};`);
  const tables: LookupTable[] = [];
  for (const n of program.nodes) if (n.table) tables[layout.lookupOf.get(n.id)!] = n.table;
  return {
    layout, sim, code: body, tables, varyingClock, clockReadsModel, captures: captureStmts.length > 0, ...instantiate(body, tables, sim),
    evaluationOrder: ordering.dynamic.map((n) => layout.slotOf.get(n.id)!), siteOwners: sites.owners,
  };
}

/** A belt's shape as generated code: numbers and booleans only. */
function beltShape(b: BeltShape): string {
  const leaks = b.leaks.map((l) => `{ start: ${numberLiteral(l.start)}, end: ${numberLiteral(l.end)}, integers: ${l.integers} }`);
  return `{ exponential: ${b.exponential}, leaks: [${leaks.join(', ')}] }`;
}

function split(stmts: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < stmts.length; i += CHUNK) out.push(stmts.slice(i, i + CHUNK));
  return out;
}

/**
 * Groups the evaluation statements into chunks and, inside a chunk, keeps each computed
 * value in a local constant that later statements of the chunk read instead of reloading
 * it from `v` (what a hand-written loop does with its temporaries).
 */
function withLocals(
  stmts: readonly ({ slot: number; code: (s: Slots) => string } | { rate: number; code: (s: Slots) => string })[],
  base: Slots, layout: Layout,
): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < stmts.length; i += CHUNK) {
    const locals = new Set<number>();
    const slots: Slots = {
      read: (id) => {
        const s = layout.slotOf.get(id);
        return s !== undefined && locals.has(s) ? `x${s}` : base.read(id);
      },
      has: base.has,
      lookup: base.lookup,
      site: base.site,
      slot: base.slot,
      own: base.own,
    };
    chunks.push(stmts.slice(i, i + CHUNK).map((st) => {
      const code = st.code(slots);
      if ('rate' in st) return `d[${st.rate}] = ${code};`;
      locals.add(st.slot);
      return `const x${st.slot} = ${code}; v[${st.slot}] = x${st.slot};`;
    }));
  }
  return chunks;
}

/** Appends one function `${prefix}k` per chunk of statements; returns the calls. */
function chunked(parts: string[], prefix: string, params: string, chunks: readonly (readonly string[])[]): string {
  return chunks.map((stmts, k) => {
    parts.push(`function ${prefix}${k}${params} {\n  ${stmts.join('\n  ')}\n}`);
    return `${prefix}${k}${params};`;
  }).join(' ');
}
