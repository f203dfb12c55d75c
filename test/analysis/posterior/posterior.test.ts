/** samplePosterior on a model: a known posterior recovered, determinism, and its diagnostics. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../../src/io/load.js';
import { readDataFile } from '../../../src/io/data.js';
import { posteriorJson, samplePosterior } from '../../../src/analysis/posterior/index.js';
import type { EventTarget, ReferenceData } from '../../../src/analysis/calibrate/index.js';

const fixture = (f: string) => fileURLToPath(new URL(`../../fixtures/posterior/${f}`, import.meta.url));
const decay = loadModel(fixture('decay.yaml'));
const events = readDataFile(fixture('decay-events.csv')).data!;

/**
 * The exact posterior of (Initial Load, Tau) given the three event times (σ = 0.3 h), with the
 * uniform priors of decay.yaml, by quadrature on an 800 × 800 grid of the analytic event times
 * t_c = τ·ln(S0/c): mean and sd of each constant.
 */
const EXACT = { 'Initial Load': { mean: 101.03, sd: 8.29 }, Tau: { mean: 3.9917, sd: 0.1685 } };

test('the posterior of a 2-parameter decay fitted to event times matches quadrature', async () => {
  const out = await samplePosterior(decay, { data: events, members: 400, chains: 8, generations: 1500, seed: 11 });
  const p = out.result!;
  for (const x of p.parameters) {
    const exact = EXACT[x.name as keyof typeof EXACT];
    // Monte Carlo tolerance: 4 standard errors of the mean (sd/√ESS); 15 % on the sd
    assert.ok(Math.abs(x.mean - exact.mean) < (4 * exact.sd) / Math.sqrt(x.ess), `${x.name} mean ${x.mean} vs ${exact.mean} (ESS ${x.ess})`);
    assert.ok(Math.abs(x.sd / exact.sd - 1) < 0.15, `${x.name} sd ${x.sd} vs ${exact.sd}`);
    assert.ok(x.rhat < 1.05, `${x.name} R-hat ${x.rhat}`);
    assert.ok(x.p05 < x.p50 && x.p50 < x.p95 && x.p05 >= x.prior.min && x.p95 <= x.prior.max);
  }
  assert.is(p.members.length, 400);
  assert.is(p.sampler.evaluations, 8 * 1501);
  const tau = p.members.map((m) => m[1]);
  assert.ok(Math.min(...tau) > 3.3 && Math.max(...tau) < 4.7, 'members come from the posterior, not the prior 2…8');
  const below20 = p.fit.find((t) => t.target === 'below 20')!;
  assert.ok(Math.abs(below20.p50 - 6.4378) < 0.15 && below20.p10 < 6.4378 && below20.p90 > 6.4378, JSON.stringify(below20));
});

test('the same seed gives the same ensemble file, byte for byte; chains that have not mixed get warnings', async () => {
  const o = { data: events, members: 20, chains: 4, generations: 40, seed: 2 };
  const prov = { model: { file: 'decay.yaml' }, data: { files: [{ file: 'decay-events.csv' }] } };
  const a = await samplePosterior(decay, o);
  const b = await samplePosterior(decay, o);
  assert.is(posteriorJson(a.result!, prov), posteriorJson(b.result!, prov));
  const c = await samplePosterior(decay, { ...o, seed: 3 });
  assert.is.not(posteriorJson(a.result!, prov), posteriorJson(c.result!, prov));
  // 4 chains × 20 kept generations cannot reach 400 effective draws
  assert.ok(a.diagnostics.some((d) => d.code === 'low-ess' && d.severity === 'warning'));
  assert.is(a.result!.convergence.converged, false);
});

test('a target without a tolerance, bad settings and unknown names are located errors', async () => {
  const noTolerance: ReferenceData = { file: 'e.csv', targets: events.targets.map((t) => ({ ...(t as EventTarget), tolerance: undefined })) };
  const a = await samplePosterior(decay, { data: noTolerance, members: 10 });
  assert.equal(a.diagnostics.map((d) => d.code), ['missing-tolerance', 'missing-tolerance', 'missing-tolerance']);
  assert.is(a.diagnostics[0].file, 'e.csv');
  const b = await samplePosterior(decay, { data: events, members: 5000, chains: 4, generations: 100 });
  assert.match(b.diagnostics[0].message, /5000 members but only 200 draws after burn-in/);
  const c = await samplePosterior(decay, { data: events, members: 10, params: [{ name: 'Taux', lo: 1, hi: 2 }] });
  assert.ok(c.diagnostics.some((d) => d.code === 'unknown-variable' && /did you mean 'Tau'/.test(d.hint ?? '')));
});

test.run();
