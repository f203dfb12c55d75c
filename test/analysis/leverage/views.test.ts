/** The ranking views (§4.3(d)) and the paired effect sizes (§4.3(c)) on hand-made data. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  bands, byEffect, depthOf, effectSizes, frontier, lexicographic, paretoDominators, weighted, weightedScore, type Rankable,
} from '../../../src/analysis/leverage/index.js';
import type { Metric } from '../../../src/model/types.js';
import { close } from '../../helpers.js';

const at = (id: string, robust: number, level: number | null, median = robust): Rankable => ({ id, robust, median, depth: depthOf(level) });

// A shallow fix that works best, a deep one nearly as good, a deep one that does little, and
// a middle one beaten on both counts.
const XS = [at('bigger-buffer', 0.6, 11), at('cells', 0.55, 10), at('alarm', 0.1, 6), at('tune', 0.3, 11), at('retry', 0.5, 7)];

test('depth d = (12 − level) / 11 for levels 3–12; levels 1–2 and missing levels have none', () => {
  assert.is(depthOf(12), 0);
  close(depthOf(3)!, 9 / 11, 1e-12);
  assert.is(depthOf(2), null);
  assert.is(depthOf(null), null);
});

test('Pareto: dominated when another is at least as deep and as effective and better on one; the frontier runs deepest first', () => {
  const dom = paretoDominators(XS, 0);
  assert.is(dom.get('bigger-buffer'), undefined);
  assert.is(dom.get('cells'), undefined, 'cells (L10, 0.55): retry is deeper but less effective, bigger-buffer more effective but shallower');
  assert.is(dom.get('tune'), 'bigger-buffer', 'same depth, less effective');
  assert.is(dom.get('retry'), undefined);
  assert.is(dom.get('alarm'), undefined, 'the deepest is always on the frontier');
  assert.equal(frontier(XS, 0), ['alarm', 'retry', 'cells', 'bigger-buffer']);
});

test('Pareto: effects within the tolerance count as equal, so the deeper of two equal fixes dominates', () => {
  const ties = [at('raise-limit', 1, 12), at('cells', 0.9999, 10)];
  assert.equal(frontier(ties, 0), ['cells', 'raise-limit'], 'without a tolerance, 0.0001 keeps the shallow fix');
  assert.equal(frontier(ties, 0.005), ['cells']);
  assert.is(paretoDominators(ties, 0.005).get('raise-limit'), 'cells');
});

test('lexicographic: bands counted down from the best robust effect, deeper first inside a band', () => {
  const b = bands(XS, 0.1);
  assert.equal([...b.entries()], [['bigger-buffer', 0], ['cells', 0], ['alarm', 5], ['tune', 3], ['retry', 1]]);
  assert.equal(lexicographic(XS, 0.1).map((x) => x.id), ['cells', 'bigger-buffer', 'retry', 'tune', 'alarm']);
  // wider bands: alarm (0.1) joins tune (0.3) in the second band and, deeper, goes first there
  assert.equal(lexicographic(XS, 0.3).map((x) => x.id), ['retry', 'cells', 'bigger-buffer', 'alarm', 'tune']);
});

test('weighted score e × (1 + β d): opt-in, non-positive effects below every positive one, levels 1–2 unranked', () => {
  close(weightedScore(at('x', 0.5, 3), 0.5)!, 0.5 * (1 + 0.5 * 9 / 11), 1e-12);
  const xs = [...XS, at('worse', -0.2, 3), at('paradigm', 0.9, 2)];
  assert.equal(weighted(xs, 0.5).map((x) => x.id), ['bigger-buffer', 'retry', 'cells', 'tune', 'alarm', 'worse', 'paradigm']);
  assert.equal(weighted(xs, 2).map((x) => x.id).slice(0, 3), ['retry', 'cells', 'bigger-buffer'], 'a heavier weight on depth reorders');
  assert.equal(weighted(xs, 0).map((x) => x.id).slice(0, 3), ['bigger-buffer', 'cells', 'retry'], 'β = 0 is the effect order');
  assert.equal(byEffect(XS).map((x) => x.id), ['bigger-buffer', 'cells', 'retry', 'tune', 'alarm']);
});

const LOWER: Metric = { name: 'Outage hours', variable: 'x', aggregate: 'integral', better: 'lower' };

test('paired relative effects: P10/median/P90 per draw, P(e > 0), and P(best) with ties shared', () => {
  const base = [10, 20, 40, 10, 0];
  const a = [0, 0, 0, 0, 0]; // removes the outcome in every draw
  const b = [5, 10, 50, 0, 0]; // halves it, except one draw worse, one draw as good as a
  const [ea, eb] = effectSizes(LOWER, base, [a, b]);
  assert.equal(ea.effect.median, 1);
  assert.is(ea.effect.p10, 0.4, 'the draw with a zero baseline has e = 0; P10 interpolates between it and 1');
  assert.is(ea.effect.pPositive, 0.8);
  assert.equal([eb.delta.median, eb.delta.p10], [-5, -10]);
  close(eb.delta.p90, 6, 1e-12); // deltas −10 −10 −5 0 10: P90 interpolates 60 % of the way from 0 to 10
  close(eb.effect.p10, -0.15, 1e-12); // e = 0.5 0.5 −0.25 1 0: P10 is 40 % of the way from −0.25 to 0
  assert.is(eb.effect.median, 0.5);
  // draws 4 and 5 tie (both 0): each gets half of them
  close(ea.effect.pBest, (3 + 0.5 + 0.5) / 5, 1e-12);
  close(eb.effect.pBest, (0.5 + 0.5) / 5, 1e-12);
});

test('a higher-is-better metric flips the sign so positive is still better', () => {
  const [e] = effectSizes({ ...LOWER, better: 'higher' }, [10, 10], [[12, 15]]);
  assert.equal([e.effect.median, e.effect.pPositive], [0.35, 1]);
});

test.run();
