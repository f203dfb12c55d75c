/**
 * Vensim FIND MARKET PRICE, DEMAND AT PRICE and SUPPLY AT PRICE, read from inline .mdl texts
 * and run, and the engine functions behind them. Expected prices are solved by hand in the
 * comments (rectangular curves are linear, so supply = demand is a linear equation); the
 * no-demand prices are those of Vensim's own run of SDEverywhere's `allocate_price` model.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findMarketPrice, demandAtPrice, supplyAtPrice } from '../../../src/builtins/market.js';
import { trySimulate } from '../../../src/sim/simulate.js';
import { close } from '../../helpers.js';
import { diags, mdl } from './helpers.js';

const NA = -(2 ** 109);

const MARKET = `
pprofile: ptype, ppriority, pwidth, pextra ~~|
demander: d1, d2 ~~|
supplier: s1 ~~|
dq[d1] = 120 ~~|
dq[d2] = 30 ~~|
dp[d1,pprofile] = 1, 2, 2, 0 ~~|
dp[d2,pprofile] = 0, 0, 0, 0 ~~|
sq[supplier] = 60 ~~|
sp[s1,pprofile] = 1, 1, 2, 0 ~~|
price = FIND MARKET PRICE(dq[d1], dp[d1,ptype], sq[s1], sp[s1,ptype]) ~~|
demanded[demander] = DEMAND AT PRICE(dq[demander], dp[demander,ptype], price) ~~|
supplied[supplier] = SUPPLY AT PRICE(sq[supplier], sp[supplier,ptype], price) ~~|
`;

function at0(equations: string, names: string[]): number[] {
  const s = trySimulate(mdl(equations), {});
  if (!s.result) throw new Error(s.diagnostics.map((d) => d.message).join('; '));
  return names.map((n) => s.result!.series(n)[0]);
}

test('FIND MARKET PRICE clears the market; a fixed quantity (ptype 0) is the same at every price', () => {
  // d1 rectangular (priority 2, width 2): 120·(3 − x)/2 on [1, 3]; d2 fixed 30.
  // s1 rectangular (priority 1, width 2): 60·x/2 on [0, 2], 60 above.
  // 60·(3 − x) + 30 = 60 → x = 2.5 (supply saturated): d1 gets 30, d2 30, s1 60.
  const [price, d1, d2, s1] = at0(MARKET, ['price', 'demanded[d1]', 'demanded[d2]', 'supplied[s1]']);
  close(price, 2.5, 1e-12);
  close(d1, 30, 1e-9);
  assert.is(d2, 30);
  close(s1, 60, 1e-9);
});

test('without the fixed demand the price is where the two lines cross (x = 2, 60 each)', () => {
  // 120·(3 − x)/2 = 60·x/2 → 360 = 180x → x = 2
  const [price, d1, s1] = at0(MARKET.replace('dq[d2] = 30', 'dq[d2] = 0'), ['price', 'demanded[d1]', 'supplied[s1]']);
  close(price, 2, 1e-12);
  close(d1, 60, 1e-9);
  close(s1, 60, 1e-9);
});

test('find_market_price with no demand gives the lowest price of the search range, as Vensim does', () => {
  // one demander and one supplier, both priority 1, width 1, quantity 0 demanded
  const price = (type: number) => findMarketPrice(NA, 1, 0, type, 1, 1, 0, 200, type, 1, 1, 0);
  assert.equal([1, 2, 3, 4].map(price), [0.5, 0.5, -4, -9]);
  // only fixed quantities: no price exists
  assert.is(findMarketPrice(NA, 1, 10, 0, 0, 0, 0, 20, 0, 0, 0, 0), NA);
  // unsupported profiles (constant elasticity, width 0) give NaN, which stops the run with a diagnostic
  assert.ok(Number.isNaN(findMarketPrice(NA, 1, 10, 5, 1, 1, 0, 20, 1, 1, 1, 0)));
  assert.ok(Number.isNaN(findMarketPrice(NA, 1, 10, 1, 1, 0, 0, 20, 1, 1, 1, 0)));
});

test('DEMAND AT PRICE and SUPPLY AT PRICE follow the curves (normal: Φ, exponential: ½e^(x−p)/w)', () => {
  close(demandAtPrice(100, 1, 2, 2, 0, 2.5), 25, 1e-12); // (3 − 2.5)/2 of 100
  close(supplyAtPrice(100, 1, 2, 2, 0, 2.5), 75, 1e-12);
  close(supplyAtPrice(200, 4, 1, 1, 0, -9), 100 * Math.exp(-10), 1e-15); // Vensim: 0.00453999
  close(demandAtPrice(100, 3, 1, 1, 0, 1), 50, 1e-5); // 1 − Φ(0) = ½, Φ by A&S 26.2.16 (|error| < 1e-5)
  assert.is(demandAtPrice(40, 0, 5, 1, 0, 1e6), 40);
  assert.is(supplyAtPrice(-5, 1, 1, 1, 0, 3), 0);
});

test('FIND MARKET PRICE with a range name instead of its first element, or a bad profile, is a located error', () => {
  const d = diags(MARKET.replace('sp[s1,ptype])', 'sp[s1,ppriority])'));
  assert.ok(d.some((x) => x.severity === 'error' && /profile range/.test(x.message)), JSON.stringify(d));
  const e = diags(MARKET.replace('FIND MARKET PRICE(dq[d1], dp[d1,ptype], sq[s1], sp[s1,ptype])', 'FIND MARKET PRICE(dq[d1], dp[d1,ptype], sq[s1])'));
  assert.ok(e.some((x) => x.severity === 'error' && /takes 4 arguments/.test(x.message)), JSON.stringify(e));
});

test.run();
