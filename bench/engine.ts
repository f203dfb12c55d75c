/**
 * `npm run bench`: the compiled engine against the same equations hand-written as
 * straight-line statements over Float64Arrays in a hand-written Euler/RK4 loop (the practical
 * limit on one core), against naive mathjs evaluation per equation,
 * and, for reference, against a compact loop over the chain's repeated structure (a shortcut
 * only a uniform model allows), for N = 10, 100, 1000 stocks, Euler and RK4, 10,000 steps. Each configuration runs in a fresh process;
 * figures are medians of CPU time over repeated runs after warm-up, reported as ratios to
 * the hand-written loop measured in the same session. The naive baseline runs fewer steps
 * and is scaled to 10,000 (it is linear in steps). Last line:
 * `bench: rk4 N=1000 engine/hand-written = R` (target R ≤ 1.3). Before it, one line per
 * whole-process goal of the built CLI (start-up, large models, wide output, the 1000-stock chain
 * against a cold hand-compiled program; bench/goals.ts), and the conveyor line: a conveyor with
 * four leakage flows against the same conveyor with none (bench/conveyor.ts). The vector line
 * compares VECTOR SORT ORDER, VECTOR RANK and ALLOCATE BY PRIORITY over 2,000 elements with a
 * plain per-element expression of the same size (bench/goals.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { conveyorGoal } from './conveyor.js';
import { allocationGoal, cleanUp, matrixGoal, scaleGoals, startupGoals, vectorGoal, wholeProcessGoal, wideGoal } from './goals.js';

const ONE = fileURLToPath(new URL('./one.ts', import.meta.url));
const quick = process.argv.includes('--quick');
const sizes = quick ? [10, 100] : [10, 100, 1000];

interface Sample { impl: string; method: string; n: number; ms: number; check: number }

function measure(impl: string, method: string, n: number): Sample {
  const rounds = impl === 'naive' ? 1 : n >= 1000 ? 5 : 9;
  const steps = impl === 'naive' ? Math.max(20, Math.round(400_000 / (n * (method === 'rk4' ? 4 : 1)))) : 10_000;
  const r = spawnSync(process.execPath, ['--import', 'tsx', ONE, impl, method, String(n), String(rounds), String(Math.min(steps, 10_000))], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench ${impl} ${method} ${n} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Sample;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const rows: string[] = [];
let last = NaN;
console.log('method  N      hand-written   engine       engine/hand   naive mathjs   naive/hand   compact loop  engine/loop');
for (const method of ['euler', 'rk4']) {
  for (const n of sizes) {
    const hand = measure('hand', method, n);
    const engine = measure('engine', method, n);
    const naive = measure('naive', method, n);
    const loop = measure('loop', method, n);
    for (const other of [hand, loop]) {
      const agree = Math.abs(other.check - engine.check) <= 1e-9 * Math.max(1, Math.abs(other.check));
      if (!agree) throw new Error(`engine and ${other.impl} disagree for ${method} N=${n}: ${engine.check} vs ${other.check}`);
    }
    const r = engine.ms / hand.ms;
    if (method === 'rk4' && n === sizes[sizes.length - 1]) last = r;
    const row = `${method.padEnd(7)} ${String(n).padEnd(6)} ${fmt(hand.ms).padEnd(14)} ${fmt(engine.ms).padEnd(12)} ${r.toFixed(2).padEnd(13)} ${fmt(naive.ms).padEnd(14)} ${(naive.ms / hand.ms).toFixed(0).padEnd(12)} ${fmt(loop.ms).padEnd(13)} ${(engine.ms / loop.ms).toFixed(2)}`;
    rows.push(row);
    console.log(row);
  }
}
try {
  startupGoals();
  scaleGoals();
  wideGoal();
  wholeProcessGoal();
  matrixGoal();
  allocationGoal();
  vectorGoal();
  conveyorGoal();
} finally {
  cleanUp();
}
console.log(`bench: rk4 N=${sizes[sizes.length - 1]} engine/hand-written = ${last.toFixed(2)}`);
