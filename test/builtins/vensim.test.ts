/** Builtins with Vensim's own semantics, checked against the SDXorg reference outputs' numbers. */
import { test } from 'uvu';
import { close, runYaml } from '../helpers.js';

test('vensim_delayn caps the order so that n·dt ≤ T (delay_pipeline reference: 6, 6, 1.52, -0.272, -0.8096)', () => {
  const r = runYaml(`
sim: { start: 0, stop: 2, dt: 0.5 }
auxiliaries:
  input: { equation: "-1 + step(5, 5)" }
  out: { equation: "vensim_delayn(input, 2.5 * dt, 3, 6)" }
`);
  const expected = [6, 6, 1.52, -0.272, -0.8096];
  Array.from(r.series('out')).forEach((x, i) => close(x, expected[i], 1e-9, `t=${r.time[i]}`));
});

test('vensim_delayn lets the delay time travel with the material (delays reference at t = 15, 16)', () => {
  const r = runYaml(`
sim: { start: 0, stop: 16, dt: 1 }
auxiliaries:
  input: { equation: "-1 + step(5, 5)" }
  delay time: { equation: "4 + step(2, 15)" }
  out: { equation: "vensim_delayn(input, delay_time, 2, 6)" }
`);
  const out = r.series('out');
  close(out[15], 3.94971, 1e-5);
  close(out[16], 2.20442, 1e-5);
});

test('vensim_delayn with a constant delay time is the ordinary delayn', () => {
  const yaml = (f: string) => `sim: { start: 0, stop: 20, dt: 0.25 }\nauxiliaries:\n  input: { equation: "step(3, 2)" }\n  out: { equation: "${f}" }\n`;
  const a = runYaml(yaml('vensim_delayn(input, 4, 3, 0)')).series('out');
  const b = runYaml(yaml('delayn(input, 4, 3, 0)')).series('out');
  a.forEach((x, i) => close(x, b[i], 1e-9));
});

test.run();
