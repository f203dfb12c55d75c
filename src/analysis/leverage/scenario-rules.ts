/**
 * A Meadows level suggested from a scenario's diff (references/analysis-methods.md §4.3(b)):
 *
 * - A (10): a stock added, a flow connected to or disconnected from a stock, an element removed.
 * - B/C/D/H: a constant set to a new value takes that constant's own level; an auxiliary whose
 *   equation changes only in its numbers is judged as if it were that constant; a stock set
 *   to a number is a buffer size (B).
 * - E (6): an equation now reads a changing variable it did not read (a new signal), or no
 *   longer reads one it did (an information link cut).
 * - F (5): an equation gains rule logic — a conditional, a comparison, MIN/MAX — or a
 *   graphical function changes shape.
 *
 * G (self-organisation), H's new goals and I (paradigms) are left to the modeller: the
 * scenario's `leverage` field overrides the suggestion, which is still shown beside it.
 */
import { references, walk, type Expr } from '../../expr/ast.js';
import { canonicalName } from '../../core/names.js';
import { parseEquation } from '../../expr/parse.js';
import type { Change, Scenario, Variable } from '../../model/types.js';
import { structuralRules } from './constant-rules.js';
import { fromRules } from './levels.js';
import type { Structure } from './structure.js';
import type { LevelSuggestion, RuleHit } from './types.js';

const LOGIC_CALLS = new Set(['min', 'max', 'step', 'pulse', 'ramp', 'if_then_else']);
const LOGIC_OPS = new Set(['<', '<=', '>', '>=', '==', '!=', 'and', 'or', 'xor']);

/** The suggestion for a scenario; `constantLevel` gives each constant's own level. */
export function scenarioLevel(s: Structure, scenario: Scenario, constantLevel: (id: string) => LevelSuggestion | undefined): LevelSuggestion {
  const added = new Map<string, Variable>();
  for (const c of scenario.changes) if (c.kind === 'add') added.set(c.element.id, c.element);
  const statics = staticIds(s, added);
  const named: Structure = { ...s, byId: new Map([...s.byId, ...added]) };
  return fromRules(scenario.changes.flatMap((c) => changeRules(named, c, added, statics, constantLevel)));
}

function changeRules(s: Structure, c: Change, added: ReadonlyMap<string, Variable>, statics: ReadonlySet<string>, constantLevel: (id: string) => LevelSuggestion | undefined): RuleHit[] {
  switch (c.kind) {
    case 'add': return c.element.kind === 'stock' ? [{ rule: 'A', level: 10, why: `adds stock '${c.element.name}'` }] : [];
    case 'connect': return [{ rule: 'A', level: 10, why: `connects flow '${c.flow}' ${c.direction === 'in' ? 'into' : 'out of'} stock '${c.stock}'` }];
    case 'disconnect': return [{ rule: 'A', level: 10, why: `disconnects flow '${c.flow}' from stock '${c.stock}'` }];
    case 'remove': return [{ rule: 'A', level: 10, why: `removes '${c.variable}'` }];
    case 'lookup': return [{ rule: 'F', level: 5, why: `reshapes the graphical function '${c.variable}'` }];
    case 'set': {
      const v = s.byId.get(canonicalName(c.variable)) ?? added.get(canonicalName(c.variable));
      if (v?.kind === 'stock') return [{ rule: 'B', level: 11, why: `sets the initial size of stock '${v.name}'` }];
      if (v?.kind === 'constant') {
        const own = constantLevel(v.id);
        if (!own) return [];
        const rule = own.source === 'auto' ? (own.rule as RuleHit['rule']) : own.rules[0]?.rule ?? 'D';
        const why = own.source === 'auto' ? own.why : `has level ${own.level} in the model file (${own.why})`;
        return [{ rule, level: own.level, why: `sets '${v.name}', which ${why}` }];
      }
      return v ? equationRules(s, v, String(c.value), statics) : [];
    }
    case 'equation': {
      const v = s.byId.get(canonicalName(c.variable));
      return v ? equationRules(s, v, c.equation, statics) : [];
    }
  }
}

/** Rules for replacing the equation of `v` (an existing variable) with `text`. */
function equationRules(s: Structure, v: Variable, text: string, statics: ReadonlySet<string>): RuleHit[] {
  const before = v.kind === 'stock' ? s.initial.get(v.id) : s.equation.get(v.id);
  const after = parseEquation(text).expr;
  if (!after) return [];
  if (v.kind === 'stock') return [{ rule: 'B', level: 11, why: `changes the initial size of stock '${v.name}'` }];
  const old = before ? references(before) : new Set<string>();
  const now = references(after);
  const dynamic = (id: string) => !statics.has(id) && id !== 'time';
  const gained = [...now].filter((r) => !old.has(r) && dynamic(r));
  const lost = [...old].filter((r) => !now.has(r) && dynamic(r));
  const hits: RuleHit[] = [];
  if (gained.length) hits.push({ rule: 'E', level: 6, why: `'${v.name}' now reads ${list(s, gained)} (a new information link)` });
  if (lost.length) hits.push({ rule: 'E', level: 6, why: `'${v.name}' no longer reads ${list(s, lost)} (an information link cut)` });
  if (logicCount(after) > (before ? logicCount(before) : 0)) hits.push({ rule: 'F', level: 5, why: `'${v.name}' gets rule logic (a condition, threshold or cap)` });
  if (hits.length) return hits;
  const own = structuralRules(s, v.id);
  return own.length ? own.map((h) => ({ ...h, why: `'${v.name}' changes in its numbers and ${h.why}` }))
    : [{ rule: 'D', level: 12, why: `changes numbers in the equation of '${v.name}'` }];
}

/** Conditionals, comparisons, logic and MIN/MAX-like calls in an equation. */
function logicCount(e: Expr): number {
  let n = 0;
  walk(e, (x) => {
    if (x.kind === 'if' || (x.kind === 'binary' && LOGIC_OPS.has(x.op)) || (x.kind === 'call' && LOGIC_CALLS.has(x.fn))) n++;
  });
  return n;
}

/** Static ids of the baseline plus the scenario's added constants and constant-only auxiliaries. */
function staticIds(s: Structure, added: ReadonlyMap<string, Variable>): Set<string> {
  const out = new Set(s.statics);
  for (const v of added.values()) {
    if (v.kind === 'constant') out.add(v.id);
    else if (v.kind === 'aux') {
      const e = parseEquation(v.equation).expr;
      if (e && [...references(e)].every((r) => out.has(r))) out.add(v.id);
    }
  }
  return out;
}

function list(s: Structure, ids: readonly string[]): string {
  return ids.map((id) => `'${s.byId.get(id)?.name ?? id}'`).join(', ');
}
