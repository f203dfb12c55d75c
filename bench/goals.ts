/**
 * The whole-process goals of `npm run bench` (issue 13), each printed as one line
 * `goal: <what> = <measured> (<goal>) met|NOT met`. Every figure is a fresh process of the
 * built CLI (dist/, so run `npm run build` first), measured by bench/rusage.mjs:
 * - start-up: medians of CPU time over interleaved rounds, as ratios to `node -e 0`;
 * - large native models: CPU time of `check` and `run --vars a_1` at 10k and 100k elements,
 *   and the 100k/10k ratio (linear growth is 10);
 * - wide output: peak memory (maximum resident set) of `run --csv` and of `run --json` of
 *   2,658 series × 8,001 saved steps, and their CPU times;
 * - whole process at scale: `stockflow run` of the 1000-stock chain (.mdl, RK4, 10,000 steps,
 *   every variable to CSV) against the same equations as a hand-compiled program started cold
 *   (bench/whole.ts), medians of CPU time over interleaved rounds; both CSVs must agree;
 * - INVERT MATRIX of a 50×50 matrix read from a CSV file: CPU time of `check`, as a ratio to
 *   `check` of the same model copying the matrix instead (inverting is one n³ step, so the
 *   reading should cost about the same; inverting once per element made it several times slower);
 * - ALLOCATE BY PRIORITY among 20 requesters in 5 regions, 100 steps: CPU time of `run`, as a
 *   ratio to `run` of the same model sharing the requests in proportion with SUM (written out
 *   as per-element expressions the allocation took 30 s of CPU, 51 times the SUM model's; as
 *   the engine call allocate_by_priority it should cost about the same);
 * - VECTOR SORT ORDER, VECTOR RANK and ALLOCATE BY PRIORITY over 2,000 elements, 100 steps: CPU
 *   time of `run`, as a ratio to `run` of the same array computing x·2 + 1 per element (with the
 *   whole array passed to every element's call, n² work, SORT ORDER took 66 s of CPU at 3,000
 *   elements; passed once per step as a vector_of, it should cost about what the plain array does).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allocationMdl, auxChain, constants, matrixMdl, vectorMdl, wide } from './models.js';
import { chainMdl, handProgram, lastRowDifference } from './whole.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const RUSAGE = join(ROOT, 'bench/rusage.mjs');
const dir = mkdtempSync(join(tmpdir(), 'stockflow-bench-'));

interface Usage { cpuMs: number; maxRssMb: number }

function measure(args: readonly string[]): Usage {
  const file = join(dir, 'usage.json');
  rmSync(file, { force: true });
  const r = spawnSync(process.execPath, ['--import', RUSAGE, ...args], { cwd: ROOT, env: { ...process.env, STOCKFLOW_BENCH_RUSAGE: file }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Usage;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (what: string, value: number, goal: number, unit = '') =>
  console.log(`goal: ${what} = ${value.toFixed(2)}${unit} (≤ ${goal}${unit}) ${value <= goal ? 'met' : 'NOT met'}`);

export function startupGoals(rounds = 9): void {
  const out = join(dir, 'out.csv');
  const cases = {
    node: ['-e', '0'],
    help: [CLI, '--help'],
    teacup: [CLI, 'run', 'models/teacup.yaml', '--csv', out],
    kinesis: [CLI, 'run', 'models/kinesis-outage.yaml', '--csv', out],
  };
  const times: Record<string, number[]> = { node: [], help: [], teacup: [], kinesis: [] };
  for (let r = 0; r < rounds; r++) for (const [k, args] of Object.entries(cases)) times[k].push(measure(args).cpuMs);
  const base = median(times.node);
  console.log(`start-up, CPU medians of ${rounds}: node -e 0 ${base.toFixed(0)} ms, --help ${median(times.help).toFixed(0)} ms, teacup ${median(times.teacup).toFixed(0)} ms, kinesis ${median(times.kinesis).toFixed(0)} ms`);
  line('--help / node -e 0', median(times.help) / base, 1.5);
  line('run teacup --csv / node -e 0', median(times.teacup) / base, 3);
  line('run kinesis --csv / node -e 0', median(times.kinesis) / base, 5);
}

export function scaleGoals(): void {
  for (const [kind, make] of [['auxiliaries', auxChain], ['constants', constants]] as const) {
    for (const command of ['check', 'run']) {
      const ms: number[] = [];
      for (const n of [10_000, 100_000]) {
        const file = join(dir, `${kind}-${n}.yaml`);
        writeFileSync(file, make(n));
        ms.push(measure(command === 'check' ? [CLI, 'check', file] : [CLI, 'run', file, '--vars', 'a_1']).cpuMs);
      }
      line(`${command} 100k ${kind}, seconds`, ms[1] / 1000, 10, ' s');
      line(`${command} ${kind} 100k/10k`, ms[1] / ms[0], 12);
    }
  }
}

export function wideGoal(): void {
  const file = join(dir, 'wide.yaml');
  writeFileSync(file, wide(886, 8000));
  const u = measure([CLI, 'run', file, '--csv', join(dir, 'wide.csv')]);
  console.log(`wide output: 2,658 series × 8,001 steps to CSV in ${(u.cpuMs / 1000).toFixed(1)} s CPU`);
  line('run --csv 2,658 × 8,001 peak memory', u.maxRssMb, 400, ' MB');
  const j = measure([CLI, 'run', file, '--json', join(dir, 'wide.json')]);
  console.log(`wide output: 2,658 series × 8,001 steps to JSON in ${(j.cpuMs / 1000).toFixed(1)} s CPU`);
  line('run --json 2,658 × 8,001 peak memory', j.maxRssMb, 400, ' MB');
}

export function wholeProcessGoal(n = 1000, rounds = 3): void {
  const model = join(dir, `chain-${n}.mdl`);
  const program = join(dir, `hand-${n}.mjs`);
  writeFileSync(model, chainMdl(n));
  writeFileSync(program, handProgram(n));
  const [ours, theirs] = [join(dir, 'chain-stockflow.csv'), join(dir, 'chain-hand.csv')];
  const times = { stockflow: [] as number[], hand: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    times.hand.push(measure([program, theirs]).cpuMs);
    times.stockflow.push(measure([CLI, 'run', model, '--method', 'rk4', '--csv', ours]).cpuMs);
  }
  const differ = lastRowDifference(readFileSync(ours, 'utf8'), readFileSync(theirs, 'utf8'));
  if (!(differ <= 1e-9)) throw new Error(`bench: stockflow and the hand-compiled program disagree on the ${n}-stock chain (relative difference ${differ})`);
  const [a, b] = [median(times.stockflow), median(times.hand)];
  console.log(`whole process, ${n}-stock chain (.mdl, rk4, 10,000 steps) to CSV, CPU medians of ${rounds}: stockflow ${(a / 1000).toFixed(2)} s, cold hand-compiled program ${(b / 1000).toFixed(2)} s`);
  line(`run ${n}-stock chain / cold hand-compiled program`, a / b, 1);
}

export function matrixGoal(n = 50, rounds = 3): void {
  const times = { invert: [] as number[], copy: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    for (const invert of [true, false]) {
      const { mdl, csv } = matrixMdl(n, invert);
      const file = join(dir, `matrix-${invert ? 'invert' : 'copy'}.mdl`);
      writeFileSync(join(dir, 'matrix.csv'), csv);
      writeFileSync(file, mdl);
      times[invert ? 'invert' : 'copy'].push(measure([CLI, 'check', file]).cpuMs);
    }
  }
  const [a, b] = [median(times.invert), median(times.copy)];
  console.log(`INVERT MATRIX ${n}×${n} read from CSV, check CPU medians of ${rounds}: inverted ${(a / 1000).toFixed(2)} s, copied ${(b / 1000).toFixed(2)} s`);
  line(`check ${n}×${n} INVERT MATRIX / check copy`, a / b, 1.5);
}

export function allocationGoal(regions = 5, n = 20, rounds = 3): void {
  const times = { allocate: [] as number[], sum: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    for (const allocate of [true, false]) {
      const file = join(dir, `allocation-${allocate ? 'priority' : 'sum'}.mdl`);
      writeFileSync(file, allocationMdl(regions, n, allocate));
      times[allocate ? 'allocate' : 'sum'].push(measure([CLI, 'run', file, '--csv', join(dir, 'allocation.csv')]).cpuMs);
    }
  }
  const [a, b] = [median(times.allocate), median(times.sum)];
  console.log(`ALLOCATE BY PRIORITY ${regions}×${n}, 100 steps, run CPU medians of ${rounds}: allocate ${(a / 1000).toFixed(2)} s, proportional SUM ${(b / 1000).toFixed(2)} s`);
  line(`run ${regions}×${n} ALLOCATE BY PRIORITY / run proportional SUM`, a / b, 1.5);
}

export function vectorGoal(n = 2000, rounds = 3): void {
  const kinds = ['plain', 'sort', 'rank', 'allocate'] as const;
  const times = new Map<string, number[]>(kinds.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const kind of kinds) {
      const file = join(dir, `vector-${kind}.mdl`);
      writeFileSync(file, vectorMdl(n, kind));
      times.get(kind)!.push(measure([CLI, 'run', file, '--csv', join(dir, 'vector.csv')]).cpuMs);
    }
  }
  const ms = (k: string) => median(times.get(k)!);
  console.log(`vector functions over ${n} elements, 100 steps, run CPU medians of ${rounds}: per-element x·2 + 1 ${(ms('plain') / 1000).toFixed(2)} s, SORT ORDER ${(ms('sort') / 1000).toFixed(2)} s, RANK ${(ms('rank') / 1000).toFixed(2)} s, ALLOCATE BY PRIORITY ${(ms('allocate') / 1000).toFixed(2)} s`);
  line(`run ${n} VECTOR SORT ORDER / run ${n} per-element expression`, ms('sort') / ms('plain'), 1.5);
  line(`run ${n} VECTOR RANK / run ${n} per-element expression`, ms('rank') / ms('plain'), 1.5);
  line(`run ${n} ALLOCATE BY PRIORITY / run ${n} per-element expression`, ms('allocate') / ms('plain'), 1.5);
}

export function cleanUp(): void {
  rmSync(dir, { recursive: true, force: true });
}
