import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { close, diagnosticsOf, modelFrom, runYaml } from '../helpers.js';
import { lowerModel } from '../../src/builtins/lower.js';

const model = (equation: string, extra = '', sim = 'start: 0\n  stop: 20\n  dt: 0.0625\n  method: rk4') => `
sim:
  ${sim}
auxiliaries:
  input:
    equation: "step(10, 1)"
  out:
    equation: ${JSON.stringify(equation)}
${extra}`;

test('smooth follows the analytic first-order response to a step', () => {
  const r = runYaml(model('smooth(input, 2)'));
  const out = r.series('out');
  r.time.forEach((t, i) => {
    const expected = t < 1 ? 0 : 10 * (1 - Math.exp(-(t - 1) / 2));
    close(out[i], expected, 0.35 * (r.time[1] - r.time[0]) * 10, `t=${t}`);
  });
});

test('smooth3 and smoothn(…, 3) give the same values', () => {
  const a = runYaml(model('smooth3(input, 3)')).series('out');
  const b = runYaml(model('smoothn(input, 3, 3)')).series('out');
  a.forEach((x, i) => close(b[i], x, 1e-12));
});

test('delay3 and delayn(…, 3) give the same values and conserve material', () => {
  const a = runYaml(model('delay3(input, 4)')).series('out');
  const b = runYaml(model('delayn(input, 4, 3)')).series('out');
  a.forEach((x, i) => close(b[i], x, 1e-12));
  // After a long time all material has come out: output equals input.
  close(a[a.length - 1], 10, 0.05);
});

test('delay1 equals smooth for a step input, as first-order theory says', () => {
  const a = runYaml(model('delay1(input, 2)')).series('out');
  const b = runYaml(model('smooth(input, 2)')).series('out');
  a.forEach((x, i) => close(b[i], x, 1e-9));
});

test('delay_fixed is a true pipeline: the input exactly T earlier', () => {
  const r = runYaml(model('delay_fixed(time, 2.5, -1)', '', 'start: 0\n  stop: 10\n  dt: 0.5'));
  const out = r.series('out');
  r.time.forEach((t, i) => close(out[i], t < 2.5 ? -1 : t - 2.5, 1e-12, `t=${t}`));
});

test('delay_fixed reads its delay time once at the start', () => {
  const r = runYaml(model('delay_fixed(time, 1 + time, 0)', '', 'start: 0\n  stop: 5\n  dt: 1'));
  assert.equal(Array.from(r.series('out')), [0, 0, 1, 2, 3, 4]);
});

test('previous gives the value one step back, with its initial value first', () => {
  const r = runYaml(model('previous(time * 2, 7)', '', 'start: 0\n  stop: 3\n  dt: 1'));
  assert.equal(Array.from(r.series('out')), [7, 0, 2, 4]);
});

test('init holds the start value of a changing quantity', () => {
  const r = runYaml(model('init(time + 3)', '', 'start: 2\n  stop: 5\n  dt: 1'));
  assert.equal(Array.from(r.series('out')), [5, 5, 5, 5]);
});

test('trend of exponential growth approaches its growth rate', () => {
  const r = runYaml(model('trend(exp(0.1 * time), 1)', '', 'start: 0\n  stop: 40\n  dt: 0.03125\n  method: rk4'));
  close(r.final('out'), 0.1, 0.002);
});

test('forecast of linear growth extrapolates along the trend', () => {
  const r = runYaml(model('forecast(100 + 10 * time, 2, 5)', '', 'start: 0\n  stop: 60\n  dt: 0.0625\n  method: rk4'));
  const t = r.time[r.time.length - 1];
  // input grows 10/time unit; the trend of a slowly growing input ≈ slope/value, so the forecast ≈ value + slope·h.
  close(r.final('out'), 100 + 10 * t + 10 * 5, 12);
});

test('stateful builtins nest: a smooth of a delay', () => {
  const r = runYaml(model('smooth(delay3(input, 2), 1)'));
  close(r.final('out'), 10, 0.01);
});

test('helper stocks are hidden from outputs but listed as helper columns', () => {
  const r = runYaml(model('smooth3(input, 3)'));
  assert.equal(r.names, ['input', 'out']);
  assert.is(r.columns.filter((c) => c.helper && c.kind === 'stock').length, 3);
});

test('a fixed delay longer than the run holds its initial value; a delay time that is not a number >= 0 is a diagnostic', () => {
  const long = runYaml(model('delay_fixed(time, 1e308, -1)'));
  assert.ok([...long.series('out')].every((x) => x === -1));
  const infinite = runYaml(model('delay_fixed(time, 1 / 0, -1)'));
  assert.ok([...infinite.series('out')].every((x) => x === -1));
  for (const bad of ['-2', '0 / 0']) {
    const d = diagnosticsOf(model(`delay_fixed(time, ${bad}, 0)`));
    assert.ok(d.some((x) => x.code === 'bad-delay' && x.severity === 'error'), `${bad}: ${JSON.stringify(d)}`);
  }
});


test('two stocks whose conveyor() outflows have the same arguments keep a belt each (their random inputs draw apart)', () => {
  const flows = (s: string) => `  ${s}:\n    initial: 0\n    inflows: [in${s}]\n    outflows: [out${s}]\n`;
  const yaml = `sim:\n  start: 0\n  stop: 8\n  dt: 1\nstocks:\n${flows('a')}${flows('b')}flows:
  ina:\n    equation: "5"\n  inb:\n    equation: "5"
  outa:\n    equation: "conveyor(0, random(0, 10), 3, 0, 0, 1, 0)"
  outb:\n    equation: "conveyor(0, random(0, 10), 3, 0, 0, 1, 0)"\n`;
  const r = runYaml(yaml);
  const a = r.series('outa');
  const b = r.series('outb');
  assert.ok(a[3] > 0 && b[3] > 0, 'both belts deliver from time 3');
  assert.ok(a.slice(3).some((x, i) => x !== b[3 + i]), 'each call site draws its own stream, so the outflows differ');
});

test('the outflow and leakage flow of one stock share its belt however a name in their arguments is spelt', () => {
  const yaml = `sim:\n  start: 0\n  stop: 6\n  dt: 1\nstocks:\n  belt:\n    initial: 0\n    inflows: [loading]\n    outflows: [out, spill]\nflows:
  loading:\n    equation: "10"
  out:\n    equation: "conveyor(0, Loading, 3, 0, 0, 1, 0, 0.1, 0, 1, 0)"
  spill:\n    equation: "conveyor(1, loading, 3, 0, 0, 1, 0, 0.1, 0, 1, 0)"\n`;
  const program = lowerModel(modelFrom(yaml)).program!;
  assert.is(program.nodes.filter((n) => n.kind === 'conveyor').length, 1);
  const r = runYaml(yaml);
  close(r.series('spill')[5] + r.series('out')[5], 10, 1e-12);
});

test('a constant time a smooth or delay cannot use is a located bad-argument error before the run', () => {
  // smooth(x, -2) ran, moving away from its input (0, 0, -0.5, -1.75, -4.125 for x = time);
  // neither vendor's reference gives a meaning to a time ≤ 0 (a fixed delay's, read once at
  // the start, is the bad-delay error of the test above)
  const cases: [string, RegExp][] = [
    ['smooth(time, -2)', /smooth\(\) has the time -2; it must be positive/],
    ['smooth3(time, 0)', /smooth3\(\) has the time 0/],
    ['smoothn(time, 0, 2)', /smoothn\(\) has the time 0/],
    ['delay1(time, -1)', /delay1\(\) has the time -1/],
    ['delay3(time, 0)', /delay3\(\) has the time 0/],
    ['delayn(time, -3, 2)', /delayn\(\) has the time -3/],
    ['vensim_delayn(time, 0, 2, 0)', /vensim_delayn\(\) has the time 0/],
    ['trend(time, 0)', /trend\(\) has the time 0/],
    ['forecast(time, -1, 2)', /forecast\(\) has the time -1/],
  ];
  for (const [eqn, what] of cases) {
    const d = diagnosticsOf(`sim:\n  start: 0\n  stop: 4\n  dt: 1\nauxiliaries:\n  out:\n    equation: ${JSON.stringify(eqn)}\n`);
    assert.ok(d.length === 1 && d[0].code === 'bad-argument' && d[0].variable === 'out' && d[0].line !== undefined && what.test(d[0].message),
      `${eqn}: ${d.map((x) => `${x.code} ${x.line} ${x.message}`).join('; ')}`);
  }
});

test.run();
