#!/usr/bin/env node
/**
 * Executes every notebook under notebooks/ headlessly with real Jupyter (Debian's
 * jupyter-nbconvert + python3-nbclient) and the tslab TypeScript kernel, and writes the
 * executed copies and their HTML to build/notebooks/ (git-ignored). A notebook fails when
 * any cell fails (a throw, a rejected await, a TypeScript type error: tslab type-checks
 * every cell); the failing cell's source and outputs are printed, because tslab reports
 * the real message as a stderr stream and leaves the error's evalue empty.
 * Ends with `notebooks: N passed, N failed`. Usage: node scripts/notebooks.mjs [NAME ...]
 *
 * The kernelspec is committed under notebooks/jupyter/kernels/stockflow-tslab (found via
 * JUPYTER_PATH). Notebooks import the built package (../dist), so run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const NOTEBOOKS = join(ROOT, 'notebooks');
const OUT = join(ROOT, 'build', 'notebooks');
const JUPYTER = process.env.JUPYTER ?? '/usr/bin/jupyter'; // not a python3 on PATH without the Jupyter modules
const KERNEL = 'stockflow-tslab';
const TIMEOUT = Number(process.env.NOTEBOOK_TIMEOUT ?? 900);

const wanted = process.argv.slice(2);
const all = readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb')).sort();
const notebooks = wanted.length ? all.filter((f) => wanted.some((w) => f.includes(w))) : all;

function finish(passed, failed) {
  console.log(`notebooks: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (!existsSync(JUPYTER)) {
  console.error(`notebooks: ${JUPYTER} not found: apt-get install -y jupyter-nbconvert python3-nbclient`);
  finish(0, notebooks.length || 1);
}
if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
  console.error('notebooks: dist/ is missing: run `npm run build` first');
  finish(0, notebooks.length || 1);
}
mkdirSync(OUT, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'stockflow-jupyter-'));
const env = {
  ...process.env,
  JUPYTER_PATH: join(NOTEBOOKS, 'jupyter'),
  JUPYTER_DATA_DIR: join(scratch, 'data'),
  JUPYTER_RUNTIME_DIR: join(scratch, 'runtime'),
  JUPYTER_CONFIG_DIR: join(scratch, 'config'),
  JUPYTER_PLATFORM_DIRS: '1',
};

function jupyter(args) {
  return spawnSync(JUPYTER, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 30 });
}

const text = (s) => (Array.isArray(s) ? s.join('') : s ?? '');

/**
 * Why a notebook failed, for a CI log: nbconvert names the failing cell's source; the copy
 * executed with --allow-errors holds that cell's outputs, where tslab wrote the real message.
 */
function explain(stderr, executed) {
  const source = stderr.match(/An error occurred while executing the following cell:\n-+\n([\s\S]*?)\n-+\n/)?.[1];
  const lines = ['the failing cell:', ...(source ?? '(nbconvert did not name it)').split('\n').slice(0, 15).map((l) => `  | ${l}`)];
  if (source && existsSync(executed)) {
    const nb = JSON.parse(readFileSync(executed, 'utf8'));
    const cell = nb.cells.find((c) => c.cell_type === 'code' && text(c.source).trim() === source.trim());
    for (const o of cell?.outputs ?? []) {
      if (o.output_type === 'stream') lines.push(...text(o.text).trimEnd().split('\n').slice(0, 20).map((l) => `  ${o.name}: ${l}`));
      if (o.output_type === 'error') lines.push(`  error: ${o.ename}: ${o.evalue}`);
    }
  }
  if (!source) lines.push(...stderr.trim().split('\n').slice(-15).map((l) => `  ${l}`));
  return lines.join('\n');
}

function execute(name, allowErrors) {
  return jupyter(['nbconvert', '--to', 'notebook', '--execute', ...(allowErrors ? ['--allow-errors'] : []), `--ExecutePreprocessor.kernel_name=${KERNEL}`,
    `--ExecutePreprocessor.timeout=${TIMEOUT}`, '--output-dir', OUT, '--output', name, join(NOTEBOOKS, name)]);
}

let passed = 0;
let failed = 0;
for (const name of notebooks) {
  const started = Date.now();
  const executed = join(OUT, name);
  rmSync(executed, { force: true });
  // A failing cell stops nbconvert with exit 1 (tslab sends no error output, so --allow-errors
  // alone would hide failures); a second run with --allow-errors keeps the outputs to explain it.
  const run = execute(name, false);
  let problem;
  if (run.status !== 0) {
    execute(name, true);
    problem = explain(run.stderr ?? '', executed);
  } else if (!existsSync(executed)) problem = 'nbconvert wrote no executed notebook';
  if (existsSync(executed)) {
    const html = jupyter(['nbconvert', '--to', 'html', '--output-dir', OUT, executed]);
    if (html.status !== 0) problem ??= `HTML export failed:\n${html.stderr.trim().split('\n').slice(-5).join('\n')}`;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problem) {
    failed++;
    console.log(`FAIL ${name} (${seconds} s)\n${problem}`);
  } else {
    passed++;
    console.log(`ok   ${name} (${seconds} s) -> build/notebooks/${basename(name, '.ipynb')}.html`);
  }
}
rmSync(scratch, { recursive: true, force: true });
finish(passed, failed);
