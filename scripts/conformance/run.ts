/**
 * `npm run conformance -- --suite DIR [--format mdl|xmile] [--exclude-file F] [--require F]
 * [--strict] [--reference canonical|stella] [--report F] [--rtol X] [--atol X] [--verbose]`: runs every model of an SDXorg/test-models
 * checkout (tests/<case>/<model>.mdl|.xmile|.stmx with output.csv|.tab) through stockflow,
 * in this process, and prints one line per case and `conformance: N passed, N failed`.
 * With --require, exits 1 when any listed case does not pass (the CI regression gate);
 * with --strict, when any case does not pass.
 * With --reference stella, XMILE models are compared with the suite's output_stella.csv
 * (Stella's own run, where a folder has one) instead of the canonical output: a second
 * reference for the XMILE semantics that the canonical files (often Vensim or PySD runs)
 * do not show.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readModelFile } from '../../src/io/load.js';
import { trySimulate } from '../../src/sim/simulate.js';
import { compareWithCanonical, decodeText, parseTable } from './compare.js';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', default: process.env.SD_TEST_MODELS ?? '../shared/test-models' },
    format: { type: 'string' },
    'exclude-file': { type: 'string' },
    require: { type: 'string' },
    report: { type: 'string' },
    cases: { type: 'string' },
    rtol: { type: 'string', default: '1e-3' },
    atol: { type: 'string', default: '1e-6' },
    verbose: { type: 'boolean', default: false },
    reference: { type: 'string', default: 'canonical' },
    strict: { type: 'boolean', default: false },
  },
});
if (!['canonical', 'stella'].includes(values.reference!)) {
  process.stderr.write(`conformance: --reference must be canonical or stella (got ${values.reference})\n`);
  process.exit(2);
}
const stella = values.reference === 'stella';

const suite = values.suite!;
if (!existsSync(join(suite, 'tests'))) {
  process.stderr.write(`conformance: no suite at ${suite} (expected ${join(suite, 'tests')}); pass --suite DIR\n`);
  process.exit(2);
}
const listFile = (f?: string) => (f ? readFileSync(f, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim().split('\t')[0]).filter(Boolean) : []);
const excluded = new Set(listFile(values['exclude-file']));
const only = values.cases?.split(',').map((s) => s.trim());
const extOf = (f: string) => f.slice(f.lastIndexOf('.')).toLowerCase();
const formats: Record<string, string[]> = { mdl: ['.mdl'], xmile: ['.xmile', '.stmx'], stmx: ['.stmx'] };
const wanted = values.format ? values.format.split(',').flatMap((f) => formats[f] ?? []) : stella ? formats.xmile : ['.mdl', '.xmile', '.stmx'];

interface Outcome { id: string; status: 'PASS' | 'FAIL' | 'ERROR'; detail: string }

function runCase(id: string, model: string, canonicalFile: string): Outcome {
  try {
    const loaded = readModelFile(model);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (!loaded.model || errors.length) return { id, status: 'ERROR', detail: errors.map((d) => d.message).slice(0, 2).join('; ') };
    const sim = trySimulate(loaded.model);
    if (!sim.result) return { id, status: 'ERROR', detail: sim.diagnostics.map((d) => d.message).slice(0, 2).join('; ') };
    const table = parseTable(decodeText(readFileSync(canonicalFile)));
    // Stella names its time column after the time unit ("Months").
    const reference = stella ? { ...table, names: ['Time', ...table.names.slice(1)] } : table;
    const verdict = compareWithCanonical(sim.result, reference, Number(values.rtol), Number(values.atol));
    return { id, status: verdict.pass ? 'PASS' : 'FAIL', detail: verdict.detail };
  } catch (e) {
    return { id, status: 'ERROR', detail: `internal error: ${(e as Error).message}` };
  }
}

/** Models that only generate data for another case of their folder; they have no canonical output of their own. */
const AUXILIARY = new Set(['tests/data_from_other_model/model_to_generate_data.mdl']);

const outcomes: Outcome[] = [];
let skipped = 0;
for (const dir of readdirSync(join(suite, 'tests')).sort()) {
  const path = join(suite, 'tests', dir);
  const canonicalFile = (stella ? ['output_stella.csv'] : ['output.csv', 'output.tab']).map((f) => join(path, f)).find(existsSync);
  for (const file of readdirSync(path).filter((f) => wanted.includes(extOf(f))).sort()) {
    const id = `tests/${dir}/${file}`;
    if (excluded.has(id) || excluded.has(`tests/${dir}`) || AUXILIARY.has(id)) continue;
    if (only && !only.some((o) => id.startsWith(o))) continue;
    if (!canonicalFile) { skipped++; continue; }
    const o = runCase(id, join(path, file), canonicalFile);
    outcomes.push(o);
    process.stdout.write(`${o.status.padEnd(5)} ${id}${o.status === 'PASS' && !values.verbose ? '' : `  ${o.detail}`}\n`);
  }
}

const passed = outcomes.filter((o) => o.status === 'PASS').length;
if (values.report) writeFileSync(values.report, `${outcomes.map((o) => `${o.id}\t${o.status}\t${o.detail}`).join('\n')}\n`);
const regressions = listFile(values.require).filter((id) => outcomes.find((o) => o.id === id)?.status !== 'PASS');
for (const id of regressions) process.stdout.write(`REGRESSION ${id} is on the must-pass list but did not pass\n`);
if (skipped) process.stdout.write(`(${skipped} cases without ${stella ? 'a Stella output' : 'a canonical output'} skipped)\n`);
process.stdout.write(`conformance: ${passed} passed, ${outcomes.length - passed} failed\n`);
process.exit(regressions.length || (values.strict && passed < outcomes.length) ? 1 : 0);
