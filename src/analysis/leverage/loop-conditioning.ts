/**
 * Rule D of references/analysis-methods.md §4.3(b): a constant that conditions links on
 * feedback loops is a loop gain — level 8 if the loop whose score it changes most is
 * balancing, 7 if reinforcing, 12 if it conditions no loop.
 *
 * A constant c conditions the link x → v when the partial derivative ∂v/∂x depends on c (or
 * on an auxiliary whose equation uses c, a few levels deep); where mathjs has no symbolic
 * derivative (conditionals, min/max, lookups, delays) any use of c in v's equation counts.
 * So in the teacup's (T − Room) / τ, τ conditions the loop and the room temperature does not.
 *
 * "The loop whose score it changes most": a loop score is the product of its link scores, so
 * a relative change in one link's gain changes every loop through that link by the same
 * relative amount; the absolute change is then largest for the loop with the largest score.
 * The caller passes each loop's weight (its mean |relative score| over the outcome window).
 */
import { references } from '../../expr/ast.js';
import { partialDerivative } from '../../expr/derivative.js';
import type { Loop, LoopAnalysis } from '../loops/index.js';
import { carriers, variableOf, type Structure } from './structure.js';
import type { RuleHit } from './types.js';

/** Constant id → ids of the loops whose links it conditions. */
export function conditionedLoops(s: Structure, analysis: LoopAnalysis, constants: readonly string[]): Map<string, string[]> {
  const carriedBy = new Map<string, string[]>();
  for (const c of constants) for (const id of carriers(s, c)) carriedBy.set(id, [...(carriedBy.get(id) ?? []), c]);
  const byLink = new Map<string, ReadonlySet<string>>();
  const out = new Map<string, string[]>(constants.map((c) => [c, []]));
  for (const loop of analysis.loops) {
    const hitBy = new Set<string>();
    for (const link of loop.links) {
      const key = `${link.from}\u0000${link.to}`;
      if (!byLink.has(key)) byLink.set(key, linkConstants(s, link.from, link.to, carriedBy));
      for (const c of byLink.get(key)!) hitBy.add(c);
    }
    for (const c of hitBy) out.get(c)!.push(loop.id);
  }
  return out;
}

/** The constants whose value changes ∂to/∂from. */
function linkConstants(s: Structure, from: string, to: string, carriedBy: ReadonlyMap<string, readonly string[]>): Set<string> {
  const v = variableOf(s, to);
  const x = variableOf(s, from);
  const out = new Set<string>();
  const e = v ? s.equation.get(v.id) : undefined;
  if (!v || !x || !e) return out; // a link into a stock (its flows) or a builtin's helper
  const d = partialDerivative(e, x.id);
  for (const r of reach(s, references(d ?? e))) for (const c of carriedBy.get(r) ?? []) out.add(c);
  return out;
}

/**
 * `ids` and what the auxiliaries among them read, through auxiliaries (not stocks), up to
 * `depth` levels: `Building / Cache_Build_Time` has the gain 1 / Cache_Build_Time, and the
 * constants inside Cache_Build_Time's equation condition it too.
 */
function reach(s: Structure, ids: Iterable<string>, depth = 3): Set<string> {
  const out = new Set(ids);
  let frontier = [...out];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      const e = s.byId.get(id)?.kind === 'aux' ? s.equation.get(id) : undefined;
      if (e) for (const r of references(e)) if (!out.has(r)) { out.add(r); next.push(r); }
    }
    frontier = next;
  }
  return out;
}

/** Rule D for one constant, given the loops it conditions and each loop's weight. */
export function loopGainRule(loopIds: readonly string[], loops: ReadonlyMap<string, Loop>, weight: (l: Loop) => number): RuleHit {
  const candidates = loopIds.map((id) => loops.get(id)).filter((l): l is Loop => l !== undefined);
  if (!candidates.length) return { rule: 'D', level: 12, why: 'conditions no feedback loop: a number' };
  const top = candidates.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  const more = candidates.length > 1 ? ` (of ${candidates.length} loops it conditions)` : '';
  return top.polarity === 'balancing'
    ? { rule: 'D', level: 8, why: `strengthens or weakens balancing loop ${top.id}, the most active loop it conditions${more}` }
    : { rule: 'D', level: 7, why: `sets the gain of reinforcing loop ${top.id}, the most active loop it conditions${more}` };
}
