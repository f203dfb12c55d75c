/**
 * Unit synonyms a model declares: Vensim's units equivalences (settings block `22:Cow,
 * Cattle,Cows`; Vensim reference, "Units Equivalence"), XMILE's `<model_units>` aliases
 * (XMILE 1.0 §3.1.3) and native `unit_aliases`. Unit checking reads each alias as its unit, so
 * a stock in Cow fed by a flow in Cattle/Month is consistent; without the declaration the
 * two are different invented units and the flow is flagged.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lowerModel } from '../../src/builtins/lower.js';
import { checkUnits } from '../../src/compile/units.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { readModelFile } from '../../src/io/load.js';
import { readVensim } from '../../src/io/vensim/index.js';
import { readXmile, writeXmile } from '../../src/io/xmile/index.js';
import { writeNative } from '../../src/io/native-write.js';
import type { Model } from '../../src/model/types.js';
import { cli } from '../cli/cli-helpers.js';
import { xmileProblems } from '../io/xmile/xmile-schema.js';

const MDL = `{UTF-8}
population = INTEG(births, 100) ~ Cow ~|
births = population * birth rate ~ Cattle/Month ~|
birth rate = 0.01 ~ 1/Month ~|
INITIAL TIME = 0 ~ Month ~|
FINAL TIME = 2 ~ Month ~|
TIME STEP = 1 ~ Month ~|
SAVEPER = TIME STEP ~ Month ~|
\\\\\\---/// Sketch information - do not modify anything except names
V300  Do not put anything below this section - it will be ignored
*View 1
///---\\\\\\
:L\x7f<%^E!@
`;

function unitProblems(m: Model): Diagnostic[] {
  const lowered = lowerModel(m);
  assert.ok(lowered.program, lowered.diagnostics.map((d) => d.message).join('; '));
  return checkUnits(m, lowered.program!).filter((d) => d.code === 'unit-mismatch');
}

function vensim(settings: string): Model {
  const { model, diagnostics } = readVensim(`${MDL}${settings}`, 'pop.mdl');
  assert.ok(model, diagnostics.map((d) => d.message).join('; '));
  return model!;
}

test('without an equivalence, Cattle and Cow are different units and the inflow is flagged', () => {
  const problems = unitProblems(vensim('9:Current\n'));
  assert.ok(problems.some((d) => d.variable === 'population' || d.variable === 'births'), problems.map((d) => d.message).join('\n'));
});

test('a .mdl units equivalence (22:Cow,Cattle,Cows) makes the aliases one unit', () => {
  const m = vensim('9:Current\n22:Cow,Cattle,Cows\n22:Month,Months\n');
  assert.equal(m.unitAliases, { Cow: ["Cattle", "Cows"], Month: ['Months'] });
  assert.equal(unitProblems(m), []);
});

test('equivalences chain: a unit that is also an alias of another is one unit with all their names', () => {
  // Cow is Head's alias and Cattle is Cow's: Cow (the stock) and Cattle (the flow) are one
  // unit, Head; read one link deep, Cattle became Cow and Cow became Head, and the inflow was flagged.
  assert.equal(unitProblems(vensim('9:Current\n22:Head,Cow\n22:Cow,Cattle\n')), []);
  // Declared both ways round (a cycle) they are still one unit, and reading ends.
  assert.equal(unitProblems(vensim('9:Current\n22:Cow,Cattle\n22:Cattle,Cow\n')), []);
  // A separate group stays separate.
  assert.ok(unitProblems(vensim('9:Current\n22:Head,Cow\n22:Cattle,Kine\n')).length > 0);
});

const XMILE = (units: string) => `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><name>pop</name></header>
  <sim_specs time_units="Month"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
  ${units}
  <model><variables>
    <stock name="population"><eqn>100</eqn><inflow>births</inflow><units>Cow</units></stock>
    <flow name="births"><eqn>population * birth_rate</eqn><units>Cattle/Month</units></flow>
    <aux name="birth rate"><eqn>0.01</eqn><units>1/Month</units></aux>
  </variables></model>
</xmile>`;

test('XMILE <model_units> aliases are read, checked, and written back', () => {
  const { model } = readXmile(XMILE('<model_units><unit name="Cow"><eqn/><alias>Cattle</alias><alias>Cows</alias></unit></model_units>'), 'pop.xmile');
  assert.ok(model);
  assert.equal(model!.unitAliases, { Cow: ["Cattle", "Cows"] });
  assert.equal(unitProblems(model!), []);
  assert.ok(unitProblems(readXmile(XMILE('<model_units/>'), 'pop.xmile').model!).length > 0, 'flagged without the alias');
  const written = writeXmile(model!);
  assert.equal(xmileProblems(written), [], 'the written <model_units> follows XMILE 1.0 §3.1.3');
  const again = readXmile(written, 'again.xmile').model!;
  assert.equal(again.unitAliases, { Cow: ["Cattle", "Cows"] });
});

test('native unit_aliases are read, written back, and used by check from the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-unit-aliases-'));
  const file = join(dir, 'pop.yaml');
  writeFileSync(file, `name: pop
sim: { start: 0, stop: 2, dt: 1, time_unit: Month }
unit_aliases:
  Cow: [Cattle, Cows]
stocks:
  population: { initial: 100, inflows: [births], units: Cow }
flows:
  births: { equation: population * birth_rate, units: Cattle/Month }
constants:
  birth rate: { value: 0.01, units: 1/Month }
`);
  const loaded = readModelFile(file);
  assert.ok(loaded.model, loaded.diagnostics.map((d) => d.message).join('; '));
  assert.equal(loaded.model!.unitAliases, { Cow: ["Cattle", "Cows"] });
  assert.match(writeNative(loaded.model!), /unit_aliases:\n {2}Cow:\n {4}- Cattle\n {4}- Cows/);
  assert.is(cli('check', file, '--strict-units').code, 0);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/unit_aliases:\n.*\n/, ''));
  const r = cli('check', file, '--strict-units');
  assert.is(r.code, 1, 'without the aliases the units disagree');
  assert.match(r.stderr + r.stdout, /unit-mismatch/);
});

test('a bad unit_aliases entry is a located schema error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stockflow-unit-aliases-'));
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, 'name: bad\nsim: { start: 0, stop: 1, dt: 1 }\nunit_aliases:\n  Cow: Cattle\nconstants:\n  a: { value: 1 }\n');
  const r = cli('check', file);
  assert.is(r.code, 1);
  assert.match(r.stderr, /bad\.yaml:4:\d+: error\[schema\] \(unit_aliases\.Cow\): must be array/);
});

test.run();
