/**
 * Behaviour tests of models/kinesis-outage.yaml against the published timeline, targets
 * T1–T14 as listed in models/kinesis-outage.md. Times are hours from 00:00 PST on 25 Nov 2020; each assertion
 * carries the published time and the tolerance accepted, in minutes.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { loadModel, simulate } from '../../src/index.js';
import { applyScenarioById } from '../../src/scenarios/index.js';
import { aggregate } from '../../src/analysis/metrics.js';
import type { SimulationResult } from '../../src/sim/result.js';
import { compareVariants, selectMetrics, type Variant } from '../../src/analysis/compare.js';
import { runEnsemble } from '../../src/analysis/ensemble.js';

const FILE = fileURLToPath(new URL('../../models/kinesis-outage.yaml', import.meta.url));
const model = loadModel(FILE);
const base = simulate(model);
const runs = new Map<string, SimulationResult>();
const run = (id: string) => runs.get(id) ?? runs.set(id, simulate(applyScenarioById(model, id))).get(id)!;

const hm = (h: number, m: number) => h + m / 60;
const show = (t: number) => `${Math.floor(t)}:${String(Math.round((t % 1) * 60)).padStart(2, '0')}`;
/** First time from `from` on that `name` goes above/below `thr` (stop time if never). */
function when(r: SimulationResult, name: string, dir: 'above' | 'below', thr: number, from = 0): number {
  const i = Math.max(0, r.time.findIndex((t) => t >= from));
  return aggregate(r.time.subarray(i), r.series(name).subarray(i), dir === 'above' ? 'first_time_above' : 'first_time_below', thr);
}
const at = (r: SimulationResult, name: string, t: number) => r.series(name)[r.time.findIndex((x) => x >= t - 1e-9)];
const max = (r: SimulationResult, name: string, from = 0, to = Infinity) => Math.max(...r.series(name).filter((_, i) => r.time[i] >= from && r.time[i] <= to));
const min = (r: SimulationResult, name: string, from = 0, to = Infinity) => Math.min(...r.series(name).filter((_, i) => r.time[i] >= from && r.time[i] <= to));
/** Asserts |simulated − published| ≤ tolerance (minutes). */
function near(simulated: number, published: number, tolMin: number, what: string) {
  assert.ok(Math.abs(simulated - published) * 60 <= tolMin, `${what}: simulated ${show(simulated)}, published ${show(published)} ± ${tolMin} min`);
}

const ONSET = when(base, 'kinesis_availability', 'below', 0.95);
const TROUGH = base.time[base.series('kinesis_availability').indexOf(min(base, 'kinesis_availability'))];
const FIRST_BACK = when(base, 'kinesis_availability', 'above', 0.02, TROUGH);
const FULL = when(base, 'kinesis_availability', 'above', 0.99, TROUGH);

test('T1: onset is delayed — no errors during the addition, first alarm at 05:15', () => {
  near(ONSET, hm(5, 15), 20, 'first Kinesis alarm (5% errors)');
  assert.ok(min(base, 'kinesis_availability', 0, hm(4, 47)) > 0.99, 'no customer-visible errors during the addition and the hour after');
  const crossing = when(base, 'Thread Utilisation', 'above', 1);
  assert.ok(crossing > hm(3, 47) && crossing < hm(4, 47), `threads pass the limit while peers learn of the new servers (${show(crossing)})`);
});

test('T2: the failure is fleet-wide, not partial', () => {
  assert.ok(max(base, 'Servers Over Thread Limit') > 0.98, 'every server ends up over the thread limit');
  assert.ok(min(base, 'kinesis_availability') < 0.02, `availability collapses towards 0 (min ${min(base, 'kinesis_availability')})`);
});

test('T3: a small addition crosses a threshold the fleet sat just below', () => {
  const u0 = at(base, 'Thread Utilisation', 0);
  assert.ok(u0 > 0.95 && u0 < 1, `pre-event thread use just below the limit (${u0})`);
  assert.ok(at(base, 'Added Servers', 0) / at(base, 'Pre Event Fleet', 0) <= 0.06, 'the addition is small');
  const without = simulate(model, { overrides: { 'Addition End': at(base, 'Addition Start', 0) } });
  assert.ok(min(without, 'kinesis_availability') > 0.999, 'without the addition nothing fails');
});

test('T4: rolling the addition back does not recover Kinesis; a restart is needed', () => {
  const r = run('no-restart');
  assert.ok(at(r, 'Excess Servers', 12) < 1 && max(r, 'Thread Utilisation', 12) < 1, 'capacity removed and threads back under the limit');
  assert.ok(max(r, 'kinesis_availability', 10) < 0.05, 'Kinesis stays down to the end of the run');
});

test('T5: restart paced at a few hundred servers per hour; faster backfires', () => {
  const rate = (at(base, 'Serving Servers', hm(22, 23)) - at(base, 'Serving Servers', hm(10, 7))) / (hm(22, 23) - hm(10, 7));
  assert.ok(rate >= 200 && rate <= 500, `net rejoin rate ${rate.toFixed(0)}/h, published "a few hundred per hour"`);
  const fast = run('fast-restart');
  const fastFull = when(fast, 'kinesis_availability', 'above', 0.99, TROUGH);
  assert.ok(fastFull > FULL + 1, `3x faster restart recovers later (${show(fastFull)} vs ${show(FULL)})`);
  assert.ok(max(fast, 'Unhealthy Removal') > 2 * max(base, 'Unhealthy Removal'), 'slow servers are removed: loop R1');
  const slow = simulate(model, { overrides: { 'Restart Pace Factor': 0.6 } });
  assert.ok(when(slow, 'kinesis_availability', 'above', 0.99, TROUGH) > FULL + 1, 'a much slower restart also recovers later (non-monotonic)');
});

test('T6: first traffic back 10:07, full recovery 22:23, errors falling from noon', () => {
  near(FIRST_BACK, hm(10, 7), 20, 'first restarted servers take traffic');
  near(FULL, hm(22, 23), 30, 'Kinesis fully recovered (99%)');
  const hours = FULL - ONSET;
  assert.ok(hours > 16.5 && hours < 17.75, `about 17 h after the first alarm (published 17 h 08 m, simulated ${hours.toFixed(2)} h)`);
  const a = base.series('kinesis_availability');
  const noon = at(base, 'kinesis_availability', 12);
  assert.ok(noon > 0.05 && noon < 0.4, `partly back at noon (${noon.toFixed(2)})`);
  for (let i = 1; i < a.length; i++) {
    if (base.time[i] >= 12 && base.time[i] <= FULL) assert.ok(a[i] >= a[i - 1] - 1e-9, `errors fall steadily from noon (t=${base.time[i]})`);
  }
});

test('T7: diagnosis lag — restart decided 07:51, root cause 09:39', () => {
  near(when(base, 'Restart Decided', 'above', 0.5), hm(7, 51), 30, 'restart decision');
  const cause = when(base, 'Root Cause Confirmed', 'above', 0.5);
  near(cause, hm(9, 39), 20, 'root cause confirmed');
  assert.ok(cause - ONSET > 4 && cause - ONSET < 4.8, 'about 4.4 h after the first alarm');
  assert.ok(when(base, 'Restart Go', 'above', 0.5) >= cause, 'no restart before the cause is known');
});

test('T8: downstream onset order — Kinesis/CloudWatch/EventBridge 05:15, Lambda 06:15, Cognito 07:01', () => {
  near(when(base, 'cloudwatch_availability', 'below', 0.95), hm(5, 15), 30, 'CloudWatch errors');
  near(when(base, 'eventbridge_availability', 'below', 0.95), hm(5, 15), 30, 'EventBridge errors');
  const lambda = when(base, 'lambda_availability', 'below', 0.95);
  const cognito = when(base, 'cognito_availability', 'below', 0.5);
  near(lambda, hm(6, 15), 20, 'Lambda invocation errors');
  near(cognito, hm(7, 1), 20, 'Cognito errors rise significantly');
  assert.ok(ONSET < lambda && lambda < cognito, 'order Kinesis → Lambda → Cognito');
});

test('T9: recovery order — Lambda, Cognito, ECS/EKS, CloudWatch and AutoScaling, Kinesis, CloudWatch full', () => {
  const lambda = when(base, 'lambda_availability', 'above', 0.95, hm(7, 0));
  const cognito = when(base, 'cognito_availability', 'above', 0.99, hm(7, 30));
  // "Most ECS/EKS issues resolved" and "AutoScaling delays end": back above the alarm level (95%).
  const ecs = when(base, 'ecs_eks_availability', 'above', 0.95, TROUGH);
  const cw = when(base, 'cloudwatch_availability', 'above', 0.5, TROUGH);
  const as = when(base, 'autoscaling_availability', 'above', 0.95, TROUGH);
  const cwFull = when(base, 'cloudwatch_availability', 'above', 0.99, TROUGH);
  near(lambda, hm(10, 36), 20, 'Lambda recovered');
  near(cognito, hm(14, 18), 30, 'Cognito normal');
  near(ecs, hm(16, 15), 60, 'most ECS/EKS issues resolved (95%)');
  near(cw, hm(17, 47), 30, 'CloudWatch early recovery');
  near(as, hm(17, 47), 60, 'AutoScaling delays end (95%)');
  near(cwFull, hm(22, 31), 30, 'CloudWatch fully recovered');
  assert.ok(lambda < cognito && cognito < ecs && ecs < as && cw < FULL && as < FULL && FULL <= cwFull, 'published order');
});

test('T10: services with their own fix recover before Kinesis; pass-through services with it', () => {
  assert.ok(when(base, 'lambda_availability', 'above', 0.99, hm(7, 0)) < FULL - 4, 'Lambda long before Kinesis');
  assert.ok(when(base, 'cognito_availability', 'above', 0.99, hm(7, 30)) < FULL - 4, 'Cognito long before Kinesis');
  for (const name of ['cloudwatch_availability', 'eventbridge_availability']) {
    const back = when(base, name, 'above', 0.99, TROUGH);
    assert.ok(back > FULL - 3, `${name} recovers only as Kinesis does (${show(back)})`);
  }
  const half = when(base, 'kinesis_availability', 'above', 0.5, TROUGH);
  const ecs = when(base, 'ecs_eks_availability', 'above', 0.95, TROUGH);
  assert.ok(ecs > half - 1, `ECS/EKS (through EventBridge) recovers only once Kinesis is about half back (${show(ecs)} vs ${show(half)})`);
});

test('T11: Lambda fails from a growing metric buffer, about an hour after CloudWatch', () => {
  const cw = when(base, 'cloudwatch_availability', 'below', 0.95);
  const lambda = when(base, 'lambda_availability', 'below', 0.95);
  assert.ok(lambda - cw > 0.75 && lambda - cw < 1.75, `lag ${(lambda - cw).toFixed(2)} h (published about 1 h)`);
  const buf = base.series('Lambda Metric Buffer');
  for (let i = 1; i < buf.length; i++) if (base.time[i] > cw && base.time[i] <= lambda) assert.ok(buf[i] > buf[i - 1], 'the buffer grows up to the failure');
});

test('T12: Cognito blocks on a full buffer ~1.75 h after onset; a bigger buffer only delays it', () => {
  const rise = when(base, 'cognito_availability', 'below', 0.5);
  assert.ok(rise - ONSET > 1.25 && rise - ONSET < 2.25, `rise ${(rise - ONSET).toFixed(2)} h after onset (published 1.75 h)`);
  assert.ok(at(base, 'Cognito Blocked Fraction', rise + 0.25) > 0.5, 'webservers are blocked on the buffer');
  const big = run('cognito-bigger-buffer');
  const bigRise = when(big, 'cognito_availability', 'below', 0.5);
  assert.ok(bigRise > rise + 0.5 && bigRise < hm(12, 0), `three times the buffer delays the failure (${show(bigRise)}) but does not prevent it`);
});

test('T13: status page dark early (its tool uses Cognito); first post about 09:52', () => {
  const dark = when(base, 'status_page_availability', 'below', 0.5);
  assert.ok(dark < ONSET + 1.5, 'cannot post in the early part of the event');
  const post = when(base, 'status_page_availability', 'above', 0.5, dark);
  near(post, hm(9, 52), 30, 'first status post (backup tool)');
  const trained = run('status-page-backup-training');
  assert.ok(when(trained, 'status_page_availability', 'above', 0.5, dark) < ONSET + 1.5, 'with training the backup tool posts within the first hour and a half');
});

test('T14: a 3-hour CloudWatch buffer does not save AutoScaling in a 17-hour outage', () => {
  const r = run('cloudwatch-3h-buffer');
  assert.ok(min(r, 'autoscaling_availability', 0, ONSET + 2.5) > 0.9, 'AutoScaling rides through the first hours');
  const blind = aggregate(r.time, r.series('AutoScaling Unavailability'), 'integral');
  assert.ok(blind > 1.5, `AutoScaling still blind for ${blind.toFixed(1)} h`);
  assert.ok(min(r, 'autoscaling_availability', 9, 12) < 0.5, 'most scaling alarms blind once the store is full');
});

test('R1, R2, R3, R7 prevent the outage; R4, R5, R6 shorten it; counterfactuals hurt', () => {
  for (const id of ['larger-servers', 'thread-alarms', 'raise-thread-limit', 'cellular-frontend']) {
    assert.ok(min(run(id), 'kinesis_availability') > 0.99, `${id} prevents the outage`);
  }
  for (const id of ['faster-cold-start', 'dedicated-cache-fleet', 'cloudwatch-partition']) {
    assert.ok(when(run(id), 'kinesis_availability', 'above', 0.99, hm(8, 0)) < FULL - 1, `${id} recovers Kinesis earlier`);
  }
  assert.ok(min(run('cloudwatch-partition'), 'cloudwatch_availability') > 0.999, 'partitioned CloudWatch keeps working');
  assert.ok(min(run('cloudwatch-partition'), 'lambda_availability') > 0.99, '…and so does Lambda');
  assert.ok(min(run('cognito-resilient-buffer'), 'cognito_availability') > 0.99, 'resilient Cognito keeps serving');
  assert.ok(min(run('cognito-resilient-buffer'), 'status_page_availability') > 0.9, '…and the status page with it');
});

test('R2: the thread alarm fires on the addition\'s growth, never before the addition, and holds the rest of it', () => {
  const r = run('thread-alarms');
  const fires = when(r, 'Thread Alarm', 'above', 0.5);
  assert.ok(fires > hm(2, 44) && fires < hm(3, 47), `the alarm fires during the addition (${show(fires)})`);
  assert.ok(max(r, 'Thread Alarm', 0, hm(2, 44)) === 0, 'silent before the addition');
  for (const v of ['Serving Servers', 'Suspicion of New Capacity', 'Diagnosis Progress', 'Known Peers', 'Capacity Addition']) {
    const a = r.series(v);
    const b = base.series(v);
    r.time.forEach((t, i) => { if (t < hm(2, 44)) assert.is(a[i], b[i], `${v} unchanged at ${t} h, before the addition`); });
  }
  assert.ok(at(r, 'Front End Fleet', 6) < at(base, 'Front End Fleet', 4), 'part of the addition is held');
  assert.ok(max(r, 'Thread Utilisation') < 1, 'threads stay under the limit');
});

test('scenarios say whether they are remediations or counterfactuals', () => {
  const kinds = new Map(model.scenarios!.map((s) => [s.id, s.kind]));
  assert.is(kinds.get('no-restart'), 'counterfactual');
  assert.is(kinds.get('fast-restart'), 'counterfactual');
  for (const [id, kind] of kinds) if (!['no-restart', 'fast-restart'].includes(id)) assert.is(kind, 'remediation', id);
});

test('the model defines the 12 required interventions, each with leverage and changes', () => {
  const ids = ['larger-servers', 'thread-alarms', 'raise-thread-limit', 'faster-cold-start', 'dedicated-cache-fleet', 'cloudwatch-partition',
    'cellular-frontend', 'cloudwatch-3h-buffer', 'cognito-resilient-buffer', 'status-page-backup-training', 'no-restart', 'fast-restart'];
  for (const id of ids) {
    const s = model.scenarios!.find((x) => x.id === id);
    assert.ok(s, `scenario ${id}`);
    assert.ok(s!.leverage && s!.leverage.level >= 1 && s!.leverage.level <= 12 && s!.leverage.reason.length > 10, `${id} has a leverage level and reason`);
    assert.ok(s!.changes.length > 0 && s!.title && s!.description, `${id} has a title, description and changes`);
  }
  for (const v of model.variables) if (v.kind === 'constant' && v.uncertainty) assert.ok(v.uncertainty.source && v.doc, `${v.name} documents its range`);
});

test('the eight availability indicators stay within [0, 1] in every scenario', () => {
  const names = ['kinesis', 'cognito', 'cloudwatch', 'lambda', 'eventbridge', 'ecs_eks', 'autoscaling', 'status_page'].map((n) => `${n}_availability`);
  for (const r of [base, ...model.scenarios!.map((s) => run(s.id))]) {
    for (const n of names) assert.ok(min(r, n) >= -1e-9 && max(r, n) <= 1 + 1e-9, n);
  }
});

test('compare ranks the prevention fixes first and the ensemble is reproducible', () => {
  const variants: Variant[] = model.scenarios!.map((scenario) => ({ scenario, model: applyScenarioById(model, scenario.id) }));
  const { metrics } = selectMetrics(model);
  const c = compareVariants(model, variants, metrics);
  assert.equal(new Set(c.scenarios.slice(0, 4).map((s) => s.id)), new Set(['larger-servers', 'thread-alarms', 'raise-thread-limit', 'cellular-frontend']));
  assert.equal(c.counterfactuals.map((s) => s.id), ['fast-restart', 'no-restart'], 'the counterfactuals apart, never ranked with the remediations');
  assert.ok(!c.scenarios.some((s) => s.kind === 'counterfactual'));
  assert.equal(c.warnings, [], 'no remediation sets the run in motion before the addition');
  const few = variants.filter((v) => ['faster-cold-start', 'fast-restart'].includes(v.scenario.id));
  const e1 = runEnsemble(model, few, { draws: 4, seed: 11, metrics: metrics.slice(0, 2) });
  const e2 = runEnsemble(model, few, { draws: 4, seed: 11, metrics: metrics.slice(0, 2) });
  assert.is(JSON.stringify(e1), JSON.stringify(e2));
  assert.is(e1.scenarios[0].id, 'faster-cold-start');
});

test.run();
