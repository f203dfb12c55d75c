import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { getIntegrator } from '../../src/sim/integrators/index.js';
import type { OdeSystem } from '../../src/sim/types.js';
import { NO_ERROR_CONTROL, TIGHT, W, decay, decayExact, logistic, logisticExact, oscillator, robertson, solve, stiffCos } from './odes.js';

test('rk45 stays within its tolerance on smooth problems', () => {
  const osc = solve('rk45', oscillator, [1, 0], 10, 100);
  assert.ok(Math.abs(osc.y[0] - Math.cos(W * 10)) < 1e-5, `oscillator: ${osc.y[0]}`);
  const log = solve('rk45', logistic, [0.5], 10, 100);
  const exact = logisticExact(10, 0.5);
  assert.ok(Math.abs(log.y[0] - exact) / exact < 1e-5, `logistic: ${log.y[0]} vs ${exact}`);
});

test('rk45 beats rk4 with a fine fixed step on both accuracy and evaluations', () => {
  const rk45 = solve('rk45', oscillator, [1, 0], 10, 100);
  const rk4 = solve('rk4', oscillator, [1, 0], 10, 400); // h = 0.025, error ≈ 1e-6
  const err45 = Math.abs(rk45.y[0] - Math.cos(W * 10));
  const err4 = Math.abs(rk4.y[0] - Math.cos(W * 10));
  assert.ok(err45 < err4, `errors: rk45 ${err45}, rk4 ${err4}`);
  assert.ok(rk45.evals < rk4.evals, `rk45 used ${rk45.evals} evaluations, rk4 ${rk4.evals}`);
});

test('rk45 reuses its last stage, so a one-step advance costs six evaluations', () => {
  const stepper = getIntegrator('rk45')!.create(decay, TIGHT);
  const y = Float64Array.of(1);
  stepper.advance(0, y, 1e-3); // warm-up: initial step choice
  const counts: number[] = [];
  for (let i = 1; i < 10; i++) counts.push(stepper.advance(i * 1e-3, y, 1e-3));
  assert.equal(counts, Array(9).fill(6));
  y[0] *= 1.0001; // the engine changed the state: the cached derivative is stale
  assert.is(stepper.advance(10e-3, y, 1e-3), 7);
});

test('rk45 remembers its step size between advance() calls', () => {
  const persistent = solve('rk45', logistic, [0.5], 10, 100);
  let fresh = 0;
  const y = Float64Array.of(0.5);
  for (let i = 0; i < 100; i++) fresh += getIntegrator('rk45')!.create(logistic, TIGHT).advance(i * 0.1, y, 0.1);
  assert.ok(persistent.evals < fresh * 0.6, `persistent ${persistent.evals} vs restarted ${fresh}`);
});

test('adaptive methods land exactly on t + h and never evaluate beyond it', () => {
  for (const name of ['rk45', 'rosenbrock']) {
    let latest = -Infinity;
    const probe: OdeSystem = {
      size: 1,
      derivatives(t, y, dydt) {
        latest = Math.max(latest, t);
        dydt[0] = Math.cos(t);
      },
    };
    const stepper = getIntegrator(name)!.create(probe, TIGHT);
    const y = Float64Array.of(0);
    for (let i = 0; i < 7; i++) {
      const t = i * 0.3;
      stepper.advance(t, y, 0.3);
      assert.ok(latest <= t + 0.3, `${name} evaluated at ${latest} > ${t + 0.3}`);
    }
    assert.ok(Math.abs(y[0] - Math.sin(2.1)) < 1e-5, `${name}: ${y[0]}`);
  }
});

test('rk45 integrates backwards in time with a negative step', () => {
  const stepper = getIntegrator('rk45')!.create(decay, TIGHT);
  const y = Float64Array.of(decayExact(2));
  for (let i = 0; i < 4; i++) stepper.advance(2 - i * 0.5, y, -0.5);
  assert.ok(Math.abs(y[0] - 1) < 1e-5, `${y[0]}`);
});

test('rosenbrock stays stable on a stiff problem where euler and rk4 blow up at the same step', () => {
  for (const name of ['euler', 'rk4']) {
    const { y } = solve(name, stiffCos, [1], 2, 20);
    assert.ok(!(Math.abs(y[0]) < 1e6), `${name} should diverge with h = 0.1, got ${y[0]}`);
  }
  const stepper = getIntegrator('rosenbrock')!.create(stiffCos, TIGHT);
  const y = Float64Array.of(1);
  let worst = 0;
  for (let i = 0; i < 20; i++) {
    stepper.advance(i * 0.1, y, 0.1);
    worst = Math.max(worst, Math.abs(y[0] - Math.cos((i + 1) * 0.1)));
  }
  assert.ok(worst < 1e-5, `rosenbrock max error ${worst}`);
});

test('rosenbrock solves the stiff problem with fewer evaluations than rk45', () => {
  const ros = solve('stiff', stiffCos, [1], 2, 20);
  const dopri = solve('rk45', stiffCos, [1], 2, 20);
  assert.ok(Math.abs(ros.y[0] - Math.cos(2)) < 1e-5);
  assert.ok(ros.evals < dopri.evals, `rosenbrock ${ros.evals} vs rk45 ${dopri.evals}`);
});

test('rosenbrock matches the Robertson reference solution and conserves mass', () => {
  // Reference at t = 40: Hairer & Wanner, "Solving ODEs II", §IV.10 test problems.
  const reference = [0.7158270687193, 0.9185534764681e-5, 0.2841637457846];
  const { y } = solve('rosenbrock', robertson, [1, 0, 0], 40, 40, { rtol: 1e-6, atol: 1e-10 });
  for (let i = 0; i < 3; i++) {
    const rel = Math.abs(y[i] - reference[i]) / reference[i];
    assert.ok(rel < 1e-4, `y${i + 1} = ${y[i]}, reference ${reference[i]}`);
  }
  assert.ok(Math.abs(y[0] + y[1] + y[2] - 1) < 1e-12);
});

test('rosenbrock is L-stable: an extremely stiff mode decays in a few long steps', () => {
  const fast: OdeSystem = {
    size: 1,
    derivatives(_t, y, dydt) {
      dydt[0] = -1e9 * (y[0] - 2);
    },
  };
  // Error control off: the steps grow to the whole interval at once (h·λ down to −1e9),
  // yet the transient must vanish rather than ring as it would with R(∞) ≠ 0.
  const loose = getIntegrator('rosenbrock')!.create(fast, NO_ERROR_CONTROL);
  const y = Float64Array.of(0);
  const evals = loose.advance(0, y, 1);
  assert.ok(Math.abs(y[0] - 2) < 1e-6, `${y[0]}`);
  assert.ok(evals < 100, `${evals} evaluations`);
  // With error control: once the transient is resolved, one step per interval suffices.
  const tight = getIntegrator('rosenbrock')!.create(fast, TIGHT);
  const z = Float64Array.of(0);
  tight.advance(0, z, 1);
  const counts: number[] = [];
  for (let i = 1; i < 5; i++) counts.push(tight.advance(i, z, 1));
  assert.equal(counts, [5, 5, 5, 5]); // f, Jacobian (1), f_t, two new stages
  assert.ok(Math.abs(z[0] - 2) < 1e-8, `${z[0]}`);
});

test('non-finite derivatives propagate into the state instead of throwing', () => {
  const broken: OdeSystem = {
    size: 2,
    derivatives(_t, y, dydt) {
      dydt[0] = Math.sqrt(-1 - y[0]); // NaN for the initial state
      dydt[1] = 1;
    },
  };
  for (const name of ['euler', 'rk2', 'rk4', 'rk45', 'rosenbrock']) {
    const stepper = getIntegrator(name)!.create(broken, TIGHT);
    const y = Float64Array.of(1, 0);
    stepper.advance(0, y, 0.5);
    assert.ok(Number.isNaN(y[0]), `${name}: ${y[0]}`);
  }
});

test('adaptive methods give up with a clear error when the solution blows up', () => {
  const blowUp: OdeSystem = {
    size: 1,
    derivatives(_t, y, dydt) {
      // y = 1/√(1 − 2t): infinite at t = 1/2. (With y' = y² a linearly implicit method can
      // legitimately step over the pole onto the branch y = 1/(1 − t) < 0.)
      dydt[0] = y[0] * y[0] * y[0];
    },
  };
  for (const name of ['rk45', 'rosenbrock']) {
    const stepper = getIntegrator(name)!.create(blowUp, TIGHT);
    const y = Float64Array.of(1);
    assert.throws(() => stepper.advance(0, y, 2), /step size .* at t=0\.(49|50).* fell below/, name);
  }
});

test('adaptive methods reject tolerances that make error control meaningless', () => {
  for (const name of ['rk45', 'rosenbrock']) {
    const integrator = getIntegrator(name)!;
    assert.throws(() => integrator.create(decay, { rtol: 0, atol: 0 }), /both be zero/);
    assert.throws(() => integrator.create(decay, { rtol: -1, atol: 1e-6 }), /non-negative/);
    assert.throws(() => integrator.create(decay, { rtol: Number.NaN, atol: 1e-6 }), /finite/);
  }
});

test.run();
