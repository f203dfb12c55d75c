/**
 * Continuation against closed forms. The issue asks for folds and Hopf points located to
 * 1e-6; the bisection stops at 1e-11 of scaled arclength (bifurcations.ts), so the
 * tolerance here is the 1e-6 on the parameter and 1e-4 on the state (at a fold the
 * state is only a square root of the parameter's accuracy away).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadModel } from '../../../src/io/load.js';
import { multistableRanges, sweep, sweepJson } from '../../../src/analysis/dynamics/index.js';
import { close } from '../../helpers.js';
import { alleeFold, FIXTURES, toggleFolds } from './fixtures.js';

const model = (name: string) => loadModel(`${FIXTURES}${name}.yaml`);

test('the Allee model folds in the harvest rate at H* = g(N*), g\'(N*) = 0', () => {
  const r = sweep(model('allee'), { parameter: 'Harvest Rate', lo: 0, hi: 80 });
  const s = r.sweep!;
  const { h, n } = alleeFold();
  assert.is(s.folds.length, 1);
  close(s.folds[0].value, h, 1e-6, 'H*');
  close(s.folds[0].state[0], n, 1e-4, 'N*');
  assert.is(s.hopf.length, 0);
  // The branch through K is stable up to the fold and the one through A unstable: one stable state at a time.
  assert.equal(multistableRanges(s), []);
});

test('the toggle switch is bistable exactly between its two folds in a1', () => {
  const s = sweep(model('toggle'), { parameter: 'a1', lo: 1, hi: 6 }).sweep!;
  const expected = toggleFolds();
  assert.is(s.folds.length, 2);
  s.folds.forEach((f, i) => {
    close(f.value, expected[i].a1, 1e-6, `fold ${i + 1}`);
    close(f.state[0], expected[i].u, 1e-4, 'U');
    close(f.state[1], expected[i].v, 1e-4, 'V');
  });
  close(expected[0].a1, 32 / 11, 1e-12, 'the derivation itself');
  const [band] = multistableRanges(s);
  close(band.from, expected[0].a1, 1e-6);
  close(band.to, expected[1].a1, 1e-6);
  // Along the S-shaped branch: stable, then unstable between the folds, then stable again.
  const flips = s.branches[0].filter((p, k, b) => k > 0 && p.stable !== b[k - 1].stable).length;
  assert.is(flips, 2);
});

test('the Brusselator has a Hopf point at b = 1 + a² with frequency a', () => {
  const s = sweep(model('brusselator'), { parameter: 'b', lo: 1, hi: 3 }).sweep!;
  assert.is(s.folds.length, 0);
  assert.is(s.hopf.length, 1);
  close(s.hopf[0].value, 2, 1e-6, 'b at the Hopf point');
  close(s.hopf[0].frequency!, 1, 1e-6, 'frequency');
});

test('the sweep JSON has branches, folds with value and stocks by name, and hopf', () => {
  const doc = sweepJson(sweep(model('toggle'), { parameter: 'a1', lo: 1, hi: 6 }).sweep!) as {
    branches: { points: { value: number; stocks: Record<string, number>; stable: boolean }[] }[];
    folds: { value: number; stocks: Record<string, number> }[]; hopf: unknown[];
  };
  assert.ok(doc.branches[0].points.length > 20);
  assert.equal(Object.keys(doc.folds[0].stocks), ['U', 'V']);
  assert.type(doc.folds[0].value, 'number');
  assert.equal(doc.hopf, []);
});

test('sweeping a stock or an unknown name is a diagnostic saying why and what to sweep instead', () => {
  const r = sweep(model('toggle'), { parameter: 'U', lo: 0, hi: 1 });
  assert.is(r.sweep, undefined);
  assert.is(r.diagnostics[0].code, 'not-sweepable');
  assert.match(r.diagnostics[0].hint ?? '', /sweep a constant/);
  const unknown = sweep(model('toggle'), { parameter: 'a 3', lo: 0, hi: 1 });
  assert.is(unknown.diagnostics[0].code, 'unknown-variable');
  assert.match(unknown.diagnostics[0].hint ?? '', /did you mean 'a1'\?/);
});

test.run();
