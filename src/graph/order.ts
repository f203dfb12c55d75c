/**
 * Evaluation order of a Program. Two graphs: the dynamic one (flows and auxiliaries computed
 * every evaluation; stocks, constants, init/previous/pipeline values are inputs) and the
 * initialisation one (everything, stocks by their initial equations). A cycle in the first
 * is an algebraic loop, in the second a circular initialisation; both are named as
 * `a → b → a`.
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import { references, type Expr } from '../expr/ast.js';
import type { Program, ProgramNode } from '../builtins/program.js';
import { cycleIn, isCyclic, stronglyConnected, type Adjacency } from './scc.js';

export interface Ordering {
  /** Flow and auxiliary nodes, in the order they must be computed every evaluation. */
  readonly dynamic: readonly ProgramNode[];
  /** Every node with an initial value (not lookups), in initialisation order. */
  readonly initial: readonly ProgramNode[];
}

const DYNAMIC = new Set(['flow', 'aux']);

export function dynamicInputs(n: ProgramNode): Expr[] {
  return DYNAMIC.has(n.kind) && n.equation ? [n.equation] : [];
}

export function initialInputs(n: ProgramNode): Expr[] {
  if (n.kind === 'lookup' || n.kind === 'constant') return [];
  if (n.kind === 'conveyor') return [n.equation, n.delay, ...(n.args ?? [])].filter((e): e is Expr => !!e);
  return [n.equation, n.kind === 'pipeline' ? n.delay : undefined].filter((e): e is Expr => !!e);
}

export function orderProgram(program: Program, file?: string): { ordering?: Ordering; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const dynNodes = program.nodes.filter((n) => DYNAMIC.has(n.kind));
  const dynamic = order(dynNodes, program, dynamicInputs, (id) => DYNAMIC.has(program.byId.get(id)?.kind ?? ''), (cycle, where) =>
    diagnostics.push(error('algebraic-loop', `algebraic loop (simultaneous equations) ${cycle}`, { ...where, hint: 'break the loop with a stock, or a smooth/delay of one of its variables' })), file);
  if (diagnostics.length) return { diagnostics }; // the same cycles would show again below
  const initNodes = program.nodes.filter((n) => n.kind !== 'lookup');
  const initial = order(initNodes, program, initialInputs, (id) => { const k = program.byId.get(id)?.kind; return !!k && k !== 'lookup' && k !== 'constant'; }, (cycle, where) =>
    diagnostics.push(error('circular-initialisation', `circular initialisation ${cycle}`, { ...where, hint: 'give one of these stocks a numeric initial value' })), file);
  if (diagnostics.length) return { diagnostics };
  return { ordering: { dynamic, initial }, diagnostics };
}

function order(
  nodes: readonly ProgramNode[], program: Program, inputs: (n: ProgramNode) => Expr[], counts: (id: string) => boolean,
  report: (cycle: string, where: Partial<Diagnostic>) => void, file?: string,
): ProgramNode[] {
  const pos = new Map(nodes.map((n, i) => [n.id, i]));
  // Edge from a node to each node that depends on it; dependencies first in the order.
  const deps: number[][] = nodes.map((n) => {
    const out: number[] = [];
    for (const e of inputs(n)) for (const id of references(e)) if (counts(id) && pos.has(id)) out.push(pos.get(id)!);
    return out;
  });
  const comps = stronglyConnected(deps as Adjacency);
  const ordered: ProgramNode[] = [];
  for (const comp of comps) {
    if (isCyclic(comp, deps)) {
      const cyc = cycleIn(comp, deps).reverse();
      const named = cyc.map((i) => nodes[i].name).join(' → ');
      const head = nodes[cyc[0]];
      const origin = (head.variable ?? nodes.find((n) => comp.includes(pos.get(n.id)!) && n.variable)?.variable)?.origin;
      report(named, { file: origin?.file ?? file, line: origin?.line, variable: head.variable?.name ?? head.name });
      continue;
    }
    ordered.push(nodes[comp[0]]);
  }
  return ordered;
}
