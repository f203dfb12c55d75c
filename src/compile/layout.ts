/**
 * Memory layout of a compiled model. Every node that holds a value gets a slot in the value
 * array `v`; stocks come first, so stock i is `y[i]` during evaluation and `v[i]` during
 * initialisation. Pipelines get a second slot for their delay time.
 */
import type { Program, ProgramNode } from '../builtins/program.js';

export interface OutputColumn {
  readonly name: string;
  readonly id: string;
  readonly kind: ProgramNode['kind'];
  readonly slot: number;
  readonly helper: boolean;
}

export interface Layout {
  readonly nStates: number;
  readonly nSlots: number;
  readonly slotOf: ReadonlyMap<string, number>;
  readonly lookupOf: ReadonlyMap<string, number>;
  /** Every node with a value, in model order (helpers last). */
  readonly columns: readonly OutputColumn[];
  readonly constants: readonly { readonly id: string; readonly name: string; readonly slot: number; readonly value: number }[];
  readonly previous: readonly number[];
  readonly pipelines: readonly { readonly slot: number; readonly delaySlot: number }[];
  readonly names: readonly string[];
}

export function layoutProgram(program: Program): Layout {
  const slotOf = new Map<string, number>();
  const lookupOf = new Map<string, number>();
  const names: string[] = [];
  const add = (n: ProgramNode, name = n.name) => { slotOf.set(n.id, names.length); names.push(name); };
  const stocks = program.nodes.filter((n) => n.kind === 'stock');
  stocks.forEach((n) => add(n));
  for (const n of program.nodes) {
    if (n.kind === 'stock') continue;
    if (n.kind === 'lookup') { lookupOf.set(n.id, lookupOf.size); continue; }
    add(n);
    if (n.table) lookupOf.set(n.id, lookupOf.size);
  }
  const pipelines = program.nodes.filter((n) => n.kind === 'pipeline').map((n) => {
    const delaySlot = names.length;
    names.push(`${n.name} delay time`);
    return { slot: slotOf.get(n.id)!, delaySlot };
  });
  const ordered = [...program.nodes.filter((n) => !n.helper), ...program.nodes.filter((n) => n.helper)];
  return {
    nStates: stocks.length,
    nSlots: names.length,
    slotOf,
    lookupOf,
    columns: ordered.filter((n) => slotOf.has(n.id)).map((n) => ({ name: n.name, id: n.id, kind: n.kind, slot: slotOf.get(n.id)!, helper: n.helper })),
    constants: program.nodes.filter((n) => n.kind === 'constant').map((n) => ({ id: n.id, name: n.name, slot: slotOf.get(n.id)!, value: n.value ?? 0 })),
    previous: program.nodes.filter((n) => n.kind === 'previous').map((n) => slotOf.get(n.id)!),
    pipelines,
    names,
  };
}
