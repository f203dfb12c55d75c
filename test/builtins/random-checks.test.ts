/**
 * Random draws given parameters outside their range (builtins/random-checks.ts). isee's help
 * ("Statistical builtins") and Vensim's reference ("RANDOM Number Functions") define one
 * such case: a BINOMIAL success probability outside 0…1 is 1 (isee). For every other one
 * they are silent, so a parameter known before the run is a located `bad-argument` error at
 * check time, and one that goes bad during the run stops it with a `bad-argument` error
 * naming the function, the parameter, its value, the variable and the time.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnosticsOf, auxModel, modelFrom, runYaml } from '../helpers.js';
import { diags, mdl } from '../io/vensim/helpers.js';
import { trySimulate } from '../../src/sim/simulate.js';
import { dynamicalSystem } from '../../src/analysis/dynamics/system.js';

/** The one error of a model computing `out` = equation, as "code message". */
function problem(equation: string): string {
  const d = diagnosticsOf(auxModel(equation)).filter((x) => x.severity === 'error');
  assert.is(d.length, 1, `${equation}: ${d.map((x) => x.message).join('; ')}`);
  assert.is(d[0].variable, 'out', equation);
  return `${d[0].code} ${d[0].message}`;
}

// [equation with constant parameters, what the message must say, the same with the bad
// parameter reached at time 2 (TIME − 2 is 0 there, 2 − TIME below 0 after it)]
const STELLA: [string, RegExp, string, RegExp][] = [
  ['random(6, 5)', /its min 6 is greater than its max 5/, 'random(time, 2)', /RANDOM \(UNIFORM, Vensim RANDOM UNIFORM\) at time 3: its min 3 is greater than its max 2/],
  ['normal(0, -1)', /its standard deviation is -1; it must be at least 0/, 'normal(0, 2 - time)', /NORMAL at time 3: its standard deviation is -1/],
  ['lognormal(0, 1)', /its mean is 0; it must be greater than 0/, 'lognormal(2 - time, 1)', /LOGNORMAL at time 2: its mean is 0/],
  ['exprnd(0)', /its mean is 0; it must be greater than 0/, 'exprnd(2 - time)', /EXPRND at time 2: its mean is 0/],
  ['poisson(-1)', /its mean is -1; it must be at least 0/, 'poisson(2 - time)', /POISSON at time 3: its mean is -1/],
  ['beta(1, 0)', /its beta is 0; it must be greater than 0/, 'beta(2 - time, 1)', /BETA at time 2: its alpha is 0/],
  ['binomial(2.5, 0.5)', /its number of trials is 2.5; it must be a whole number, 0 or more/, 'binomial(2 - time, 0.5)', /BINOMIAL at time 3: its number of trials is -1/],
  ['gamma(0, 1)', /its shape is 0; it must be greater than 0/, 'gamma(1, 2 - time)', /GAMMA at time 3: its scale is -1; it must be at least 0/],
  ['weibull(1, -1)', /its scale is -1; it must be at least 0/, 'weibull(2 - time, 1)', /WEIBULL at time 2: its shape is 0/],
  ['logistic(0, -1)', /its scale is -1; it must be at least 0/, 'logistic(0, 2 - time)', /LOGISTIC at time 3: its scale is -1/],
  ['triangular(0, 5, 3)', /its mode 5 is greater than its upper bound 3/, 'triangular(time, 2, 4)', /TRIANGULAR at time 3: its lower bound 3 is greater than its mode 2/],
];

test('a constant parameter a Stella distribution cannot draw from is a bad-argument error before the run', () => {
  for (const [eqn, what] of STELLA) {
    const p = problem(eqn);
    assert.match(p, /^bad-argument /, eqn);
    assert.match(p, what, `${eqn}: ${p}`);
  }
});

test('a parameter that goes bad during the run stops it there, naming the function, the parameter, its value and the time', () => {
  for (const [, , eqn, what] of STELLA) {
    const p = problem(eqn);
    assert.match(p, /^bad-argument /, eqn);
    assert.match(p, what, `${eqn}: ${p}`);
  }
});

test('what the vendors define still runs: BINOMIAL probability outside 0…1 is 1 (isee help), a scale of 0 gives all its mass at one point', () => {
  const r = runYaml(auxModel('binomial(7, 1.5, 3)', '  g:\n    equation: "gamma(2, 0)"\n  w:\n    equation: "weibull(10, 0)"\n  l:\n    equation: "logistic(4, 0)"\n  u:\n    equation: "random(5, 5)"\n  t:\n    equation: "triangular(2, 2, 2)"'));
  for (const [name, value] of [['out', 7], ['g', 0], ['w', 0], ['l', 4], ['u', 5], ['t', 2]] as const) {
    assert.equal([...r.series(name)], [value, value, value, value, value], name);
  }
});

const CONTROL_VARS = 'x = 0 ~ ~ |';

test('Vensim RANDOM … functions: a constant bad parameter is a located error where it is written', () => {
  const cases: [string, RegExp][] = [
    ['RANDOM UNIFORM(6, 5, 0)', /its min 6 is greater than its max 5/],
    ['RANDOM NORMAL(0, 10, 5, -1, 0)', /its standard deviation is -1/],
    ['RANDOM POISSON(0, 10, -2, 0, 1, 0)', /its mean is -2/],
    ['RANDOM GAMMA(0, 10, 0, 0, 1, 0)', /its order \(shape\) is 0/],
    ['RANDOM WEIBULL(0, 10, -1, 0, 1, 0)', /its shape is -1/],
    ['RANDOM BETA(0, 1, 1, 0, 0, 1, 0)', /its beta is 0/],
    ['RANDOM BINOMIAL(0, 10, 1.2, 10, 0, 1, 0)', /its probability is 1.2; it must be from 0 to 1/],
    ['RANDOM NEGATIVE BINOMIAL(0, 100, 0, 3, 0, 1, 0)', /its probability is 0; it must be above 0 and at most 1/],
    ['RANDOM TRIANGULAR(0, 10, 1, 5, 3, 0)', /its peak 5 is greater than its end 3/],
  ];
  for (const [call, what] of cases) {
    // line 3: the reader's text starts with {UTF-8} and x
    const model = mdl(`${CONTROL_VARS}\ny = ${call} ~ ~ |`, 'bad.mdl');
    const d = trySimulate(model, {}).diagnostics.filter((x) => x.severity === 'error');
    assert.ok(d.length === 1 && d[0].code === 'bad-argument' && d[0].variable === 'y' && d[0].file === 'bad.mdl' && d[0].line === 3 && what.test(d[0].message),
      `${call}: ${d.map((x) => `${x.code} ${x.file}:${x.line} ${x.variable} ${x.message}`).join('; ')}`);
  }
  assert.equal(diags(`${CONTROL_VARS}\ny = RANDOM UNIFORM(0, 1, 0) ~ ~ |`).filter((x) => x.severity === 'error'), []);
});

test('Vensim: a standard deviation that turns negative stops the run with the time and the variable', () => {
  const model = mdl('sd = 2 - Time ~ ~ |\ny = RANDOM NORMAL(-10, 10, 0, sd, 0) ~ ~ |');
  const d = trySimulate(model, {}).diagnostics;
  assert.is(d.length, 1);
  assert.is(d[0].variable, 'y');
  assert.match(d[0].message, /^RANDOM NORMAL at time 2\.5: its standard deviation is -0\.5; it must be at least 0$/);
});

test('analyses that evaluate the model themselves (equilibria) report a bad draw as the run does, not as an internal error', () => {
  const m = modelFrom('sim:\n  start: 0\n  stop: 4\n  dt: 1\nstocks:\n  s:\n    initial: 1\n    inflows: [f]\nflows:\n  f:\n    equation: "normal(0, s - 2)"\n');
  const { system, diagnostics } = dynamicalSystem(m);
  assert.is(system, undefined);
  assert.is(diagnostics.length, 1);
  assert.is(diagnostics[0].code, 'bad-argument');
  assert.is(diagnostics[0].variable, 'f');
  assert.match(diagnostics[0].message, /^NORMAL at time 0: its standard deviation is -1/);
});

test('a draw whose parameters go bad with time: located at the analysis time, and a time-dependent input after it (not an internal error)', () => {
  const yaml = (sd: string) => modelFrom(`sim:\n  start: 0\n  stop: 10\n  dt: 1\nstocks:\n  s:\n    initial: 1\n    inflows: [f]\nflows:\n  f:\n    equation: "normal(0, ${sd}) - s"\n`);
  const atStop = dynamicalSystem(yaml('1 - time / 5'));
  assert.is(atStop.system, undefined);
  assert.equal(atStop.diagnostics.map((d) => [d.code, d.variable]), [['bad-argument', 'f']]);
  assert.match(atStop.diagnostics[0].message, /^NORMAL at time 10: its standard deviation is -1/);
  assert.is(atStop.diagnostics[0].line, 11, 'located at the equation, as the run locates it');
  // Fine at t* = 10, out of range only at the later times the autonomy check samples.
  const later = dynamicalSystem(yaml('1 - time / 50'));
  assert.is(later.system, undefined);
  assert.equal(later.diagnostics.map((d) => [d.code, d.variable]), [['time-dependent-rates', 'f']]);
  assert.match(later.diagnostics[0].message, /after t = 10/);
});

test.run();
