/**
 * The whole-process goal at scale: `stockflow run` of the 1000-stock aging chain (bench/chain.ts)
 * as a Vensim .mdl file, RK4, 10,000 steps, every variable to CSV at each save, against the
 * same equations compiled by hand into a stand-alone JavaScript program (bench/straight.ts's
 * straight-line statements in functions of 16, a hand-written RK4 loop, the same CSV), each
 * started cold in its own `node` process.
 */
import { DT, STEPS } from './chain.js';
import { source } from './straight.js';

const STOP = STEPS * DT;
const SAVE_EVERY = STEPS / 10;
const SAVEPER = SAVE_EVERY * DT;

const eq = (lhs: string, rhs: string) => `${lhs} = ${rhs}\n\t~\t~\t|\n`;

/** The chain as Vensim writes it (the same equations as chainModel). */
export function chainMdl(n: number): string {
  const parts = ['{UTF-8}\n'];
  for (let i = 1; i <= n; i++) parts.push(eq(`s_${i}`, `INTEG(in_${i} - out_${i}, 10)`));
  for (let i = 1; i <= n; i++) {
    parts.push(
      eq(`in_${i}`, i === 1 ? 'source' : `out_${i - 1}`),
      eq(`ratio_${i}`, `s_${i} / capacity`),
      eq(`effect_${i}`, `effect(ratio_${i})`),
      eq(`gap_${i}`, `IF THEN ELSE(ratio_${i} > 1, ratio_${i} - 1, 0)`),
      eq(`pressure_${i}`, `MAX(gap_${i}, 0.1 * ratio_${i})`),
      eq(`desired_${i}`, `s_${i} / tau * effect_${i} * (1 + pressure_${i})`),
      eq(`out_${i}`, `MIN(desired_${i}, MAX(0, s_${i} / TIME STEP))`),
    );
  }
  parts.push(
    eq('source', '10 + STEP(5, 20)'), eq('smoothed', `SMOOTH(out_${n}, 2)`), eq('tau', '5'), eq('capacity', '100'),
    'effect([(0,0)-(3,1)],(0,1),(0.5,0.9),(1,0.6),(1.5,0.3),(2,0.1),(3,0))\n\t~\t~\t|\n',
    eq('INITIAL TIME', '0'), eq('FINAL TIME', String(STOP)), eq('TIME STEP', String(DT)), eq('SAVEPER', String(SAVEPER)),
  );
  return parts.join('');
}

/** The CSV columns in the order the program writes them, and the expression of each. */
function columns(n: number): [string, string][] {
  const cols: [string, string][] = [];
  for (let i = 0; i < n; i++) cols.push([`s_${i + 1}`, `y[${i}]`]);
  for (let i = 0; i < n; i++) {
    const at = ['ratio', 'effect', 'gap', 'pressure', 'desired'].map((name, j): [string, string] => [`${name}_${i + 1}`, `a[${5 * i + j}]`]);
    cols.push([`in_${i + 1}`, `f[${2 * i}]`], ...at, [`out_${i + 1}`, `f[${2 * i + 1}]`]);
  }
  cols.push(['source', 'f[0]'], ['smoothed', `y[${n}]`], ['tau', '5'], ['capacity', '100']);
  return cols;
}

/** A stand-alone ES module: `node program.mjs out.csv` runs the chain and writes its CSV. */
export function handProgram(n: number): string {
  const cols = columns(n);
  const row: string[] = [];
  for (let c = 0; c < cols.length; c += 64) row.push(`  r.push(${cols.slice(c, c + 64).map(([, e]) => e).join(', ')});`);
  return `import { writeFileSync } from 'node:fs';
const { deriv, a, f } = (function () {
${source(n)}
})();
function main(out) {
const size = ${n + 1};
const y = new Float64Array(size).fill(10, 0, ${n});
const k0 = new Float64Array(size), k1 = new Float64Array(size), k2 = new Float64Array(size), k3 = new Float64Array(size), ys = new Float64Array(size);
deriv(0, y, k0);
y[${n}] = 2 * k0[${n}]; // the smooth starts at its input's initial value
const lines = [${JSON.stringify(`time,${cols.map(([name]) => name).join(',')}`)}];
const save = (t) => {
  const r = [t];
${row.join('\n')}
  lines.push(r.join(','));
};
const dt = ${DT};
for (let step = 0; step < ${STEPS}; step++) {
  const t = step * dt;
  deriv(t, y, k0);
  if (step % ${SAVE_EVERY} === 0) save(t);
  for (let i = 0; i < size; i++) ys[i] = y[i] + 0.5 * dt * k0[i];
  deriv(t + 0.5 * dt, ys, k1);
  for (let i = 0; i < size; i++) ys[i] = y[i] + 0.5 * dt * k1[i];
  deriv(t + 0.5 * dt, ys, k2);
  for (let i = 0; i < size; i++) ys[i] = y[i] + dt * k2[i];
  deriv(t + dt, ys, k3);
  for (let i = 0; i < size; i++) y[i] += dt / 6 * (k0[i] + 2 * k1[i] + 2 * k2[i] + k3[i]);
}
deriv(${STOP}, y, k0);
save(${STOP});
writeFileSync(out, lines.join('\\n') + '\\n');
}
main(process.argv[2]);
`;
}

/** The largest relative difference between two CSVs' last rows, column by column (by name). */
export function lastRowDifference(a: string, b: string): number {
  const parse = (text: string) => {
    const lines = text.trim().split('\n');
    const names = lines[0].split(',');
    const last = lines[lines.length - 1].split(',').map(Number);
    return new Map(names.map((name, i) => [name, last[i]]));
  };
  const x = parse(a);
  const y = parse(b);
  if (x.size !== y.size) return Infinity;
  let worst = 0;
  for (const [name, v] of x) {
    const w = y.get(name);
    if (w === undefined) return Infinity;
    worst = Math.max(worst, Math.abs(v - w) / Math.max(1, Math.abs(w)));
  }
  return worst;
}
