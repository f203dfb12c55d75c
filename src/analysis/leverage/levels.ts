/**
 * Meadows levels of constants: the structural rules (B, C, H), rule D when neither B nor C
 * fired ("other changed constant", §4.3(b)), and the constant's own `leverage` field in the
 * model file, which overrides the rules (they are still reported, so a reader sees both).
 * When several rules fire, all are kept and the deepest is the primary level.
 */
import type { Constant, Leverage } from '../../model/types.js';
import type { LevelSuggestion, RuleHit } from './types.js';

/**
 * `loopHit` is rule D's verdict, or undefined when no loop analysis was run (rule D is then
 * reported as not evaluated and the constant stays a number).
 */
export function constantLevel(c: Pick<Constant, 'leverage'>, structural: readonly RuleHit[], loopHit?: RuleHit): LevelSuggestion {
  const deep = structural.filter((h) => h.rule === 'B' || h.rule === 'C');
  const d: RuleHit = loopHit ?? { rule: 'D', level: 12, why: 'rule D (loop gains) not evaluated: no loop analysis' };
  const rules = sortRules(deep.length ? structural : [...structural, d]);
  return withOverride(fromRules(rules), c.leverage);
}

/** The deepest of `rules` as the suggestion (level 12, "a number", when none fired). */
export function fromRules(rules: readonly RuleHit[]): LevelSuggestion {
  const sorted = sortRules(rules);
  const top = sorted[0];
  if (!top) return { level: 12, source: 'auto', rule: 'D', why: 'no rule fired: a number', rules: [] };
  return { level: top.level, source: 'auto', rule: top.rule, why: top.why, rules: sorted };
}

/** The model's own level, with the rules' suggestion kept beside it. */
export function withOverride(auto: LevelSuggestion, leverage?: Leverage): LevelSuggestion {
  if (!leverage) return auto;
  return { level: leverage.level, source: 'user', rule: 'user', why: leverage.reason, rules: auto.rules };
}

/** Deepest (smallest level) first; ties keep their order. */
export function sortRules(rules: readonly RuleHit[]): RuleHit[] {
  return rules.map((r, i) => ({ r, i })).sort((a, b) => a.r.level - b.r.level || a.i - b.i).map((x) => x.r);
}

/** Depth d = (12 − level) / 11 for simulatable levels 3–12; null for 1–2 and missing levels. */
export function depthOf(level: number | null | undefined): number | null {
  if (level === null || level === undefined || level < 3 || level > 12) return null;
  return (12 - level) / 11;
}
