import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readXmile } from '../../../src/io/xmile/index.js';
import { aux, equationOf, last, readOk, run, variable, xmileDoc } from './helpers.js';

test('sim_specs give start, stop, dt (also reciprocal), method and time units', () => {
  const m = readOk(xmileDoc(aux('a', '1'), {
    sim: '<sim_specs method="RK4" time_units="Months"><start>1</start><stop>9</stop><dt reciprocal="true">4</dt></sim_specs>',
  }));
  assert.equal(m.sim, { start: 1, stop: 9, dt: 0.25, saveper: 0.25, method: 'rk4', timeUnit: 'Months' });
  assert.is(m.format, 'xmile');
});

test('a method preference list picks the first supported method; gear maps to rosenbrock', () => {
  const sim = (method: string) => readOk(xmileDoc(aux('a', '1'), { sim: `<sim_specs method="${method}"><start>0</start><stop>1</stop><dt>1</dt></sim_specs>` })).sim.method;
  assert.is(sim('rk45, rk4'), 'rk45');
  assert.is(sim('Gear'), 'rosenbrock');
  assert.is(sim('RK2'), 'rk2');
});

test('stocks, flows, auxiliaries and numeric constants become the matching kinds', () => {
  const m = readOk(xmileDoc(`
      <stock name="Population"><eqn>100</eqn><inflow>births</inflow><outflow>deaths</outflow><units>people</units><doc>Who lives here.</doc></stock>
      <flow name="births"><eqn>Population * birth_rate</eqn></flow>
      <flow name="deaths"><eqn>Population / 80</eqn><non_negative/></flow>
      <aux name="birth rate"><eqn>-0.02</eqn></aux>`));
  const p = variable(m, 'Population');
  assert.is(p.kind, 'stock');
  assert.equal(p.kind === 'stock' && [p.initial, p.inflows, p.outflows], ['100', ['births'], ['deaths']]);
  assert.is(p.units, 'people');
  assert.is(p.doc, 'Who lives here.');
  assert.ok(p.origin?.line && p.origin.line > 1);
  assert.is(equationOf(m, 'births'), 'Population * birth_rate');
  const d = variable(m, 'deaths');
  assert.ok(d.kind === 'flow' && d.nonNegative);
  const r = variable(m, 'birth rate');
  assert.ok(r.kind === 'constant' && r.value === -0.02);
});

test('non_negative flags: explicit true/false, and defaults from <behavior>', () => {
  const m = readOk(xmileDoc(`
      <stock name="s1"><eqn>1</eqn></stock>
      <stock name="s2"><eqn>1</eqn><non_negative>false</non_negative></stock>
      <flow name="f1"><eqn>1</eqn></flow>
      <flow name="f2"><eqn>1</eqn><non_negative> TruE </non_negative></flow>`, { top: '<behavior><stock><non_negative/></stock></behavior>' }));
  const flag = (n: string) => { const v = variable(m, n); return (v.kind === 'stock' || v.kind === 'flow') && !!v.nonNegative; };
  assert.equal(['s1', 's2', 'f1', 'f2'].map(flag), [true, false, false, true]);
});

test('graphical functions: xpts or xscale, custom separators, and every type', () => {
  const m = readOk(xmileDoc(`
      <aux name="g1"><eqn>TIME</eqn><gf><xscale min="0" max="4"/><ypts>0,1,4</ypts></gf></aux>
      <aux name="g2"><eqn>TIME</eqn><gf type="discrete"><xpts sep=";">0;1;2</xpts><ypts sep=";">5;6;6</ypts></gf></aux>
      <aux name="g3"><eqn>TIME</eqn><gf type="extrapolate"><xpts>0,1</xpts><ypts>0,2</ypts></gf></aux>`));
  const g = (n: string) => { const v = variable(m, n); return v.kind === 'aux' ? v.gf : undefined; };
  assert.equal(g('g1'), { points: [[0, 0], [2, 1], [4, 4]], interpolation: 'continuous' });
  assert.equal(g('g2')?.interpolation, 'discrete');
  assert.equal(g('g3')?.points, [[0, 0], [1, 2]]);
  assert.is(last(run(m), 'g3'), 8);
});

test('a graphical function called by name or through LOOKUP becomes a named lookup', () => {
  const m = readOk(xmileDoc(`
      <gf name="table"><xpts>0,10</xpts><ypts>0,100</ypts></gf>
      <aux name="aux table"><eqn>0</eqn><gf><xpts>0,10</xpts><ypts>0,1</ypts></gf></aux>
      ${aux('a', 'table(TIME)')}
      ${aux('b', 'LOOKUP(aux_table, 5)')}
      ${aux('c', 'aux_table + 1')}`));
  assert.is(variable(m, 'table').kind, 'lookup');
  // With its own input it stays a variable (the function of its input); calls use its lookup.
  assert.is(variable(m, 'aux table').kind, 'aux');
  assert.is(variable(m, 'aux table gf').kind, 'lookup');
  assert.is(equationOf(m, 'a'), 'lookup(table, time)');
  assert.is(equationOf(m, 'b'), 'lookup(aux_table_gf, 5)');
  const r = run(m);
  assert.is(last(r, 'a'), 40);
  assert.is(last(r, 'b'), 0.5);
  assert.is(equationOf(m, 'c'), 'aux_table + 1');
  assert.is(last(r, 'c'), 1);
});

test('names normalise as XMILE 1.0 §3.2.2 says: case, underscores, quotes and \\n', () => {
  const m = readOk(xmileDoc(`
      <aux name="Stock with \\n Newline"><eqn>1</eqn></aux>
      <aux name="Cost ($)"><eqn>2</eqn></aux>
      ${aux('total', 'stock_WITH_newline + "Cost_($)" + "cost ($)"')}`));
  assert.ok(m.variables.some((v) => v.name === 'Stock with Newline'));
  assert.is(equationOf(m, 'total'), 'Stock_with_Newline + "Cost ($)" + "Cost ($)"');
  assert.is(last(run(m), 'total'), 5);
});

test('operators: = and <> compare, AND/OR/NOT are case-insensitive, MOD is floored, -2^2 is -4', () => {
  const m = readOk(xmileDoc(`
      ${aux('eq', 'IF TIME = 4 THEN 1 ELSE 0')}
      ${aux('ne', 'IF TIME &lt;&gt; 4 THEN 1 ELSE 0')}
      ${aux('logic', '(1 AnD 0) oR NoT 0')}
      ${aux('m', '-7 MOD 3')}
      ${aux('p', '-2^2')}
      ${aux('c', 'IF 1 &lt; 2 AND 3 &gt;= 3 THEN 10 ELSE 20 { a comment }')}`));
  assert.is(equationOf(m, 'eq'), 'if time == 4 then 1 else 0');
  assert.is(equationOf(m, 'ne'), 'if time != 4 then 1 else 0');
  const r = run(m);
  assert.equal(['eq', 'ne', 'logic', 'm', 'p', 'c'].map((n) => last(r, n)), [1, 0, 1, 2, -4, 10]);
});

test('XMILE builtins are translated to native names', () => {
  const m = readOk(xmileDoc(`
      ${aux('x', 'TIME + 1')}
      ${aux('a', 'SMTH1(x, 2) + SMTH3(x, 2, 1) + SMTHN(x, 2, 4) + DELAY1(x, 1) + DELAY3(x, 1) + DELAYN(x, 1, 2)')}
      ${aux('b', 'DELAY(x, 1, 0) + TREND(x, 2) + FORCST(x, 2, 1) + INIT(x) + PREVIOUS(x, 0)')}
      ${aux('c', 'PULSE(1, 2, 1) + STEP(1, 2) + RAMP(1, 2) + SAFEDIV(1, 0, 3) + INT(1.5) + ARCTAN(1) + LOG10(10)')}
      ${aux('d', 'PI + INF * 0 + DT + STARTTIME + STOPTIME + PI()')}`));
  assert.is(equationOf(m, 'a'), 'smooth(x, 2) + smooth3(x, 2, 1) + smoothn(x, 2, 4) + delay1(x, 1) + delay3(x, 1) + delayn(x, 1, 2)');
  assert.is(equationOf(m, 'b'), 'delay_fixed(x, 1, 0) + trend(x, 2) + forecast(x, 2, 1) + init(x) + previous(x, 0)');
  assert.is(equationOf(m, 'c'), 'pulse(1, 2, 1) + step(1, 2) + ramp(1, 2) + safediv(1, 0, 3) + int(1.5) + arctan(1) + log10(10)');
  assert.is(equationOf(m, 'd'), 'pi + inf * 0 + dt + starttime + stoptime + pi');
});

test('statistical builtins keep their arguments under native names', () => {
  const m = readOk(xmileDoc(`${aux('r', 'RANDOM(0, 1, 7) + NORMAL(0, 1) + LOGNORMAL(1, 1) + EXPRND(1) + POISSON(2)')}`));
  assert.is(equationOf(m, 'r'), 'random(0, 1, 7) + normal(0, 1) + lognormal(1, 1) + exprnd(1) + poisson(2)');
});

test('Stella SINWAVE, MOD() and IF_THEN_ELSE() become native expressions', () => {
  const m = readOk(xmileDoc(`${aux('w', 'SINWAVE(2, 4)')}${aux('md', 'MOD(7, 3)')}${aux('i', 'IF_THEN_ELSE(TIME > 2, 1, 0)')}`));
  assert.is(equationOf(m, 'w'), '2 * sin(2 * pi * time / 4)');
  assert.is(equationOf(m, 'md'), '7 mod 3');
  assert.is(equationOf(m, 'i'), 'if time > 2 then 1 else 0');
});

test('Vensim control variables fold into the sim specs (SAVEPER sets the save period)', () => {
  const m = readOk(xmileDoc(`
      ${aux('INITIAL TIME', '0')}${aux('FINAL TIME', '4')}${aux('TIME STEP', '0.5')}${aux('SAVEPER', 'TIME_STEP * 2')}
      ${aux('a', 'TIME_STEP + FINAL_TIME')}`, { sim: '<sim_specs><start>0</start><stop>4</stop><dt>0.5</dt></sim_specs>' }));
  assert.is(m.sim.saveper, 1);
  assert.not.ok(m.variables.some((v) => v.name === 'SAVEPER' || v.name === 'TIME STEP'));
  assert.is(last(run(m), 'a'), 4.5);
});

test('a flow with a unit conversion multiplier gives the downstream stock value × multiplier (§4.3)', () => {
  const m = readOk(xmileDoc(`
    <stock name="a"><eqn>10</eqn><outflow>f</outflow><non_negative/></stock>
    <stock name="b"><eqn>0</eqn><inflow>f</inflow></stock>
    <flow name="f"><eqn>4</eqn><multiplier>3</multiplier></flow>`));
  const r = run(m);
  // a gives 4 a step until only 2 are left, then 2 (cut by the non-negative stock); b gets 3× that.
  assert.equal(Array.from(r.series('a')), [10, 6, 2, 0, 0]);
  assert.equal(Array.from(r.series('b')), [0, 12, 24, 30, 30]);
});

test('a variable property the reader does not know is a located warning, not silently dropped', () => {
  const r = readXmile(xmileDoc('<aux name="x"><eqn>1</eqn><mystery>2</mystery></aux>'), 'test.xmile');
  assert.ok(r.model);
  assert.ok(r.diagnostics.some((d) => d.code === 'ignored-element' && d.variable === 'x' && d.line !== undefined), JSON.stringify(r.diagnostics));
});

test.run();
