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

const SMOOTH_MACRO = `<macro name="smooth it"><parm>input</parm><parm>delay</parm><eqn>out</eqn><variables>
  <stock name="out"><eqn>input</eqn><inflow>change</inflow></stock>
  <flow name="change"><eqn>(input - out) / delay</eqn></flow></variables></macro>`;

test('a macro with its own stocks gets a fresh copy at every call, with its own state', () => {
  const m = readOk(xmileDoc(`${aux('x', 'IF TIME &gt;= 1 THEN 10 ELSE 0')}${aux('a', 'smooth_it(x, 2)')}${aux('b', 'smooth_it(x * 2, 4) + 1')}${aux('c', 'SMTH1(x, 2)')}`, { top: SMOOTH_MACRO }));
  const r = run(m);
  // The macro is a first-order smooth: a equals SMTH1 exactly; b smooths 2x over 4, plus 1:
  // 1, 1, 1 + 20/4 = 6, 1 + 5 + 15/4 = 9.75, 1 + 8.75 + 11.25/4 = 12.5625.
  assert.equal(Array.from(r.series('a')), Array.from(r.series('c')));
  assert.equal(Array.from(r.series('b')), [1, 1, 6, 9.75, 12.5625]);
  assert.ok(m.variables.some((v) => v.kind === 'stock' && v.name === 'smooth it#1.out'));
  assert.ok(m.variables.some((v) => v.kind === 'stock' && v.name === 'smooth it#2.out'));
});

test('each element of an arrayed call gets its own macro copy', () => {
  const m = readOk(xmileDoc(`<aux name="y"><dimensions><dim name="d"/></dimensions><eqn>smooth_it(d * TIME, 1)</eqn></aux>`, {
    top: `<dimensions><dim name="d"><elem name="p"/><elem name="q"/></dim></dimensions>${SMOOTH_MACRO}`,
  }));
  const r = run(m);
  // Delay 1 under Euler dt 1: the smooth lags its input by one step, d·(t − 1) from t = 1.
  assert.equal(Array.from(r.series('y[p]')), [0, 0, 1, 2, 3]);
  assert.equal(Array.from(r.series('y[q]')), [0, 0, 2, 4, 6]);
});

test('problems inside a stateful macro are reported where it is called', () => {
  const badFlow = readFails(xmileDoc(`${aux('x', 'acc(TIME)')}`, {
    top: '<macro name="acc"><parm>i</parm><eqn>s</eqn><variables><stock name="s"><eqn>0</eqn><inflow>nothing</inflow></stock></variables></macro>',
  }));
  assert.ok(badFlow.some((x) => x.code === 'unknown-flow' && x.line !== undefined && x.message.includes("macro 'acc'")), JSON.stringify(badFlow));
  const arrayed = readFails(xmileDoc(`${aux('x', 'acc(TIME)')}`, {
    top: '<macro name="acc"><parm>i</parm><eqn>s</eqn><variables><stock name="s"><dimensions><dim name="d"/></dimensions><eqn>0</eqn></stock></variables></macro>',
  }));
  assert.ok(arrayed.some((x) => x.code === 'unsupported-construct' && x.line !== undefined));
});

test('<connect> names may be quoted, start with a dot, or hold the \\n of a name typed on two lines', () => {
  const sub = `<model name="hare\\nmodel"><variables>
    <aux name="lynx\\npop" access="input"><eqn>0</eqn></aux>
    <aux name="out" access="output"><eqn>lynx_pop * 2</eqn></aux></variables></model>`;
  // XMILE 1.0 §3.2.2: `\n`, space and underscore are the same character in a name.
  for (const connect of [
    '<connect to="hares.&quot;lynx pop&quot;" from="&quot;main init&quot;"/>',
    '<connect to="&quot;hares&quot;.&quot;lynx pop&quot;" from=".&quot;main init&quot;"/>',
    '<connect to="hares.lynx_pop" from=".main_init"/>',
    '<connect to="hares.lynx\\npop" from="main\\ninit"/>',
  ]) {
    const text = xmileDoc(`
      ${aux('main\\ninit', '7')}
      <module name="hares" model_name="hare_model">${connect}</module>
      ${aux('x', 'hares.out')}`).replace('</xmile>', `${sub}\n</xmile>`);
    const m = readOk(text);
    assert.is(equationOf(m, 'hares.lynx pop'), 'main_init', connect);
    assert.is(last(run(m), 'x'), 14, connect);
  }
});

test.run();
