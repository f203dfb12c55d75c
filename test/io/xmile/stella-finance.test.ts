/**
 * Stella's financial builtins FV, PV and PMT (isee help, "Financial builtins"): each solves
 * pv·(1 + rate)^nper + pmt·((1 + rate)^nper − 1)/rate + fv = 0 (pv + pmt·nper + fv = 0 at
 * rate 0) for one term, payments at the end of each period, money paid out negative.
 * Expected values are the help's example ($10,000 borrowed at 1 % a month over 36 months is
 * repaid by 36 payments of −$332.14) and sums worked by hand: 100 paid at the end of each of
 * two periods at 10 % grows to 100·1.1 + 100 = 210 and is worth 100/1.1 + 100/1.21 =
 * 173.553719 now.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempFile } from '../../cli/cli-helpers.js';
import { readFails, readOk, run, xmileDoc } from './helpers.js';

const at0 = (eqn: string): number => run(readOk(xmileDoc(`<aux name="x"><eqn>${eqn}</eqn></aux>`))).series('x')[0];
const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} is not ${b}`);

test('PMT: the help example, $10,000 at 1 % a month over 36 months', () => {
  const p = at0('PMT(0.01, 36, 10000)');
  assert.is(Math.round(p * 100) / 100, -332.14);
  // The payment balances the loan: its future value is 0, its present value is the loan.
  close(at0('FV(0.01, 36, PMT(0.01, 36, 10000), 10000)'), 0, 1e-9);
  close(at0('PV(0.01, 36, PMT(0.01, 36, 10000))'), 10000);
});

test('FV and PV of end-of-period payments, worked by hand', () => {
  close(at0('FV(0.1, 2, -100)'), 210);
  close(at0('PV(0.1, 2, -100)'), 100 / 1.1 + 100 / 1.21);
  close(at0('PV(0.1, 1, 0, 110)'), -100);
  close(at0('FV(0.1, 1, 0, -100)'), 110);
  close(at0('PMT(0.1, 1, 0, -110)'), 110);
});

test('rate 0: pv + pmt·nper + fv = 0', () => {
  close(at0('PMT(0, 4, 100)'), -25);
  close(at0('FV(0, 10, -5, 20)'), 30);
  close(at0('PV(0, 10, -5)'), 50);
  close(at0('PMT(0, 4, 100, -20)'), -20);
});

test('growth beyond a double: PMT and PV take their limits, the interest on pv and the perpetuity', () => {
  // 1.01^1e9 overflows; the equation divided by it leaves pmt = −pv·rate and pv = −pmt/rate.
  close(at0('PMT(0.01, 1e9, 100)'), -1);
  close(at0('PV(0.01, 1e9, -5)'), 500);
  close(at0('PMT(0.01, 1e9, 100, 1e300)'), -1);
  // Far from overflow the divided form agrees with the help's equation.
  close(at0('PMT(0.05, 10, 1000, 200)'), -(200 + 1000 * 1.05 ** 10) / ((1.05 ** 10 - 1) / 0.05));
  close(at0('PV(0.05, 10, -100, 50)'), -(50 - 100 * (1.05 ** 10 - 1) / 0.05) / 1.05 ** 10);
});
test('a wrong argument count is a located diagnostic', () => {
  const d = readFails(xmileDoc('<aux name="x"><eqn>PMT(0.01, 36)</eqn></aux>'));
  assert.ok(d.some((x) => x.code === 'wrong-arity' && x.line && /PMT takes 3 to 4/.test(x.message)), d.map((x) => `${x.code} ${x.message}`).join('\n'));
});

test('the CLI runs a Stella model that repays a loan with PMT', () => {
  const file = tempFile('loan.xmile', xmileDoc(`
  <stock name="balance"><eqn>10000</eqn><outflow>repayment</outflow></stock>
  <flow name="repayment"><eqn>-PMT(0.01, 36, 10000) - balance * 0.01</eqn></flow>`,
  { sim: '<sim_specs method="euler"><start>0</start><stop>36</stop><dt>1</dt></sim_specs>' }));
  const r = cli('run', file);
  assert.is(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n');
  const header = rows[0].split(',');
  const last = rows[rows.length - 1].split(',');
  // 36 payments of principal plus 1 % interest pay the balance off exactly.
  close(Number(last[header.findIndex((h) => /balance/i.test(h))]), 0, 1e-9);
});

test.run();
