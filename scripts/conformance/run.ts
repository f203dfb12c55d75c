/**
 * `npm run conformance -- --suite DIR [--format mdl|xmile] [--exclude-file F] [--require F]
 * [--strict] [--reference canonical|stella] [--report F] [--rtol X] [--atol X] [--verbose]`: runs every model of an SDXorg/test-models
 * checkout (tests/<case>/<model>.mdl|.xmile|.stmx with output.csv|.tab), or of a folder of
 * real models (NAME/NAME.mdl with Vensim's NAME.dat, NAME/NAME.stmx with Stella's NAME.csv;
 * cases.ts), through stockflow, in this process, and prints one line per case and
 * `conformance: N passed, N failed`.
 * With --require, exits 1 when any listed case does not pass (the CI regression gate);
 * with --strict, when any case does not pass.
 * With --reference stella, XMILE models are compared with the suite's output_stella.csv
 * (Stella's own run, where a folder has one) instead of the canonical output: a second
 * reference for the XMILE semantics that the canonical files (often Vensim or PySD runs)
 * do not show.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readModelFile } from '../../src/io/load.js';
import { trySimulate } from '../../src/sim/simulate.js';
import { folderCases, isFolderLayout, readReference, testModelsCases, type Case } from './cases.js';
import { compareWithCanonical } from './compare.js';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', default: process.env.SD_TEST_MODELS },
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

if (!values.suite) {
  process.stderr.write('conformance: pass --suite DIR (a checkout of SDXorg/test-models, or a folder of NAME/NAME.mdl models), or set SD_TEST_MODELS\n');
  process.exit(2);
}
const suite = values.suite;
const folders = isFolderLayout(suite);
if (!folders && !existsSync(join(suite, 'tests'))) {
  process.stderr.write(`conformance: no suite at ${suite} (expected ${join(suite, 'tests')} or NAME/NAME.mdl folders); pass --suite DIR\n`);
  process.exit(2);
}
const listFile = (f?: string) => (f ? readFileSync(f, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim().split('\t')[0]).filter(Boolean) : []);
const excluded = new Set(listFile(values['exclude-file']));
const only = values.cases?.split(',').map((s) => s.trim());
const formats: Record<string, string[]> = { mdl: ['.mdl'], xmile: ['.xmile', '.stmx'], stmx: ['.stmx'] };
const wanted = values.format ? values.format.split(',').flatMap((f) => formats[f] ?? []) : stella ? formats.xmile : ['.mdl', '.xmile', '.stmx'];

interface Outcome { id: string; status: 'PASS' | 'FAIL' | 'ERROR'; detail: string }

function runCase(c: Case): Outcome {
  const id = c.id;
  try {
    const loaded = readModelFile(c.model, c.options);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (!loaded.model || errors.length) return { id, status: 'ERROR', detail: errors.map((d) => d.message).slice(0, 2).join('; ') };
    const reference = readReference(c);
    // A reference with blank or NaN cells records values that are not numbers (Stella writes
    // NAN as a blank cell): the run keeps going through them, as that tool's run did.
    const sim = trySimulate(loaded.model, { allowNonFinite: hasNonNumbers(reference) });
    if (!sim.result) return { id, status: 'ERROR', detail: sim.diagnostics.map((d) => d.message).slice(0, 2).join('; ') };
    const verdict = compareWithCanonical(sim.result, reference, Number(values.rtol), Number(values.atol), folders ? 'skip' : 'fail');
    return { id, status: verdict.pass ? 'PASS' : 'FAIL', detail: verdict.detail };
  } catch (e) {
    return { id, status: 'ERROR', detail: `internal error: ${(e as Error).message}` };
  }
}

function hasNonNumbers(t: ReturnType<typeof readReference>): boolean {
  return t.rows.some((row) => row.some((v) => v === undefined || Number.isNaN(v)));
}

/** Models that only generate data for another case of their folder; they have no canonical output of their own. */
const AUXILIARY = new Set(['tests/data_from_other_model/model_to_generate_data.mdl']);

const outcomes: Outcome[] = [];
let skipped = 0;
const cases = folders ? folderCases(suite, wanted) : testModelsCases(suite, wanted, stella);
for (const c of cases) {
  const dir = c.id.slice(0, c.id.lastIndexOf('/'));
  if (excluded.has(c.id) || excluded.has(dir) || AUXILIARY.has(c.id)) continue;
  if (only && !only.some((o) => c.id.startsWith(o))) continue;
  if (!c.reference) { skipped++; continue; }
  const o = runCase(c);
  outcomes.push(o);
  process.stdout.write(`${o.status.padEnd(5)} ${o.id}${o.status === 'PASS' && !values.verbose ? '' : `  ${o.detail}`}\n`);
}

const passed = outcomes.filter((o) => o.status === 'PASS').length;
if (values.report) writeFileSync(values.report, `${outcomes.map((o) => `${o.id}\t${o.status}\t${o.detail}`).join('\n')}\n`);
const regressions = listFile(values.require).filter((id) => outcomes.find((o) => o.id === id)?.status !== 'PASS');
for (const id of regressions) process.stdout.write(`REGRESSION ${id} is on the must-pass list but did not pass\n`);
if (skipped) process.stdout.write(`(${skipped} cases without ${stella ? 'a Stella output' : 'a canonical output'} skipped)\n`);
process.stdout.write(`conformance: ${passed} passed, ${outcomes.length - passed} failed\n`);
process.exit(regressions.length || (values.strict && passed < outcomes.length) ? 1 : 0);
