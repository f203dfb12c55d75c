/**
 * Measures one configuration in this (fresh) process and prints one JSON line:
 * `{ impl, method, n, ms, samples, check }`. CPU time of whole runs, after warm-up runs.
 * Usage: node --import tsx bench/one.ts IMPL METHOD N ROUNDS [STEPS]
 */
import { buildModel } from '../src/compile/index.js';
import { runCompiled } from '../src/sim/run.js';
import { chainModel, handWritten, STEPS } from './chain.js';
import { naive } from './naive.js';
import { straightLine } from './straight.js';

const [impl, method, nText, roundsText, stepsText] = process.argv.slice(2);
const n = Number(nText);
const rounds = Number(roundsText);
const steps = Number(stepsText ?? STEPS);

function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

let runOnce: () => number;
if (impl === 'engine') {
  const built = buildModel(chainModel(n, method));
  if (!built.compiled) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
  const compiled = built.compiled;
  runOnce = () => {
    const r = runCompiled(compiled);
    if (!r.result) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    let sum = 0;
    for (let i = 1; i <= n; i++) sum += r.result.final(`s_${i}`);
    return sum;
  };
} else if (impl === 'hand') {
  const run = straightLine(n);
  runOnce = () => total(run(method as 'euler' | 'rk4'), n);
} else if (impl === 'loop') {
  runOnce = () => total(handWritten(n, method as 'euler' | 'rk4'), n);
} else {
  runOnce = () => total(naive(n, method as 'euler' | 'rk4', steps), n);
}

/** The check value: the sum of all stocks at the end, compared across implementations. */
function total(y: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += y[i];
  return sum;
}

let check = 0;
const warmups = impl === 'naive' ? 0 : 2;
for (let i = 0; i < warmups; i++) check = runOnce();
const samples: number[] = [];
for (let i = 0; i < rounds; i++) samples.push(cpuMs(() => { check = runOnce(); }));
samples.sort((a, b) => a - b);
const ms = samples[Math.floor(samples.length / 2)] * (STEPS / steps);
process.stdout.write(`${JSON.stringify({ impl, method, n, ms, samples, check })}\n`);
