import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { aux, equationOf, last, readFails, readOk, run, xmileDoc } from './helpers.js';

const SUBMODELS = `
  <model name="hares">
    <variables>
      <aux name="lynxes" access="input"><eqn>0</eqn></aux>
      <aux name="area" access="input"><eqn>1</eqn></aux>
      <stock name="hare stock"><eqn>100</eqn><outflow>eaten</outflow></stock>
      <flow name="eaten"><eqn>0.01 * hare_stock * lynxes / area</eqn></flow>
    </variables>
  </model>
  <model name="lynxes">
    <variables>
      <aux name="init" access="input"><eqn>5</eqn></aux>
      <aux name="lynxes" access="output"><eqn>init * 2</eqn></aux>
    </variables>
  </model>`;

test('modules flatten into module-qualified names, with <connect> binding inputs', () => {
  const text = xmileDoc(`
      ${aux('area', '2')}
      ${aux('main init', '7')}
      <module name="lynxes"><connect to="lynxes.init" from=".main_init"/></module>
      <module name="hares"><connect to="hares.area" from="area"/><connect to="hares.lynxes" from="lynxes.lynxes"/></module>
      ${aux('eaten total', 'hares.eaten * 1')}`, { top: '' }).replace('</xmile>', `${SUBMODELS}\n</xmile>`);
  const m = readOk(text);
  const names = m.variables.map((v) => v.name);
  assert.ok(names.includes('hares.hare stock') && names.includes('lynxes.lynxes'), names.join(', '));
  assert.is(equationOf(m, 'hares.lynxes'), '"lynxes.lynxes"');
  assert.is(equationOf(m, 'lynxes.init'), 'main_init');
  assert.is(equationOf(m, 'eaten total'), '"hares.eaten" * 1');
  const r = run(m);
  assert.is(last(r, 'lynxes.lynxes'), 14);
  assert.ok(Math.abs(r.series('eaten total')[0] - 0.01 * 100 * 14 / 2) < 1e-12);
});

test('Stella ghost inputs (a stock with a comment for an equation) become aliases of their source', () => {
  const text = xmileDoc(`
      <module name="sub"><connect to="sub.level" from=".outer_level"/></module>
      <stock name="outer level"><eqn>5</eqn><inflow>grow</inflow></stock>
      <flow name="grow"><eqn>1</eqn></flow>`).replace('</xmile>', `
  <model name="sub"><variables>
    <stock name="level" access="input"><eqn>{Enter equation for use when not hooked up to other models}</eqn><non_negative/></stock>
    <aux name="twice"><eqn>level * 2</eqn></aux>
  </variables></model>
</xmile>`);
  const m = readOk(text);
  const level = m.variables.find((v) => v.name === 'sub.level');
  assert.equal(level && level.kind === 'aux' && level.equation, 'outer_level');
  assert.is(last(run(m), 'sub.twice'), 18);
});

test('a module of an undefined model, or containing itself, is a diagnostic', () => {
  const missing = readFails(xmileDoc('<module name="nowhere"/>'));
  assert.ok(missing.some((d) => d.code === 'unknown-model' && d.line !== undefined));
  const loop = xmileDoc('<module name="self_ref"/>').replace('</xmile>', '<model name="self_ref"><variables><module name="self_ref"/></variables></model></xmile>');
  assert.ok(readFails(loop).some((d) => d.code === 'recursive-module'));
});

test('single-expression macros are inlined with their parameters bound', () => {
  const m = readOk(xmileDoc(`${aux('x', 'double_plus(TIME, 1) + double_plus(2, 0)')}`, {
    top: '<macro name="double plus"><parm>a</parm><parm>b</parm><eqn>a * 2 + b</eqn></macro>',
  }));
  assert.is(equationOf(m, 'x'), 'time * 2 + 1 + (2 * 2 + 0)');
  assert.is(last(run(m), 'x'), 13);
});

test('a macro with its own stocks is reported where it is called', () => {
  const d = readFails(xmileDoc(`${aux('x', 'acc(TIME)')}`, {
    top: '<macro name="acc"><parm>i</parm><eqn>s</eqn><variables><stock name="s"><eqn>0</eqn></stock></variables></macro>',
  }));
  assert.ok(d.some((x) => x.code === 'unsupported-macro' && x.line !== undefined));
});

test.run();
