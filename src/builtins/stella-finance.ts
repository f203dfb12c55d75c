/**
 * Stella's financial builtins FV, PV and PMT (isee systems help, "Financial builtins"). All
 * three solve one equation for one of its terms, with payments at the end of each period:
 *
 *     pv·(1 + rate)^nper + pmt·((1 + rate)^nper − 1)/rate + fv = 0      (rate ≠ 0)
 *     pv + pmt·nper + fv = 0                                             (rate = 0)
 *
 * Money paid out is negative and money received positive, so a loan received (pv > 0) is
 * repaid by negative payments: PMT(0.01, 36, 10000) = −332.14. Stella's signatures are
 * FV(rate, nper, pmt[, pv]), PV(rate, nper, pmt[, fv]) and PMT(rate, nper, pv[, fv]); the
 * optional last argument defaults to 0.
 */
import type { FunctionSpec } from './functions.js';

/** (1 + rate)^nper, the growth of one unit over nper periods. */
const growth = (rate: number, nper: number): number => Math.pow(1 + rate, nper);

/** The annuity factor ((1 + rate)^nper − 1)/rate: what payments of 1 grow to; nper at rate 0. */
const annuity = (rate: number, nper: number): number => (rate === 0 ? nper : (growth(rate, nper) - 1) / rate);

/** The future value fv that balances pv and nper payments of pmt. */
function futureValue(rate: number, nper: number, pmt: number, pv: number): number {
  return -(pv * growth(rate, nper) + pmt * annuity(rate, nper));
}

/**
 * The present value pv that balances nper payments of pmt and fv. Growth above 1 is divided
 * out first, so that a growth too large for a double gives the limit (the perpetuity −pmt/rate)
 * instead of ∞/∞ = NaN.
 */
function presentValue(rate: number, nper: number, pmt: number, fv: number): number {
  const g = growth(rate, nper);
  if (rate !== 0 && g > 1) return -(fv / g + pmt * (1 - 1 / g) / rate);
  return -(fv + pmt * annuity(rate, nper)) / g;
}

/** The payment pmt that balances pv and fv over nper periods (growth above 1 divided out, as in presentValue). */
function payment(rate: number, nper: number, pv: number, fv: number): number {
  const g = growth(rate, nper);
  if (rate !== 0 && g > 1) return -(fv / g + pv) * rate / (1 - 1 / g);
  return -(fv + pv * g) / annuity(rate, nper);
}

export const stellaFinanceRuntime = { futureValue, presentValue, payment };

export const STELLA_FINANCE_FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'fv', minArgs: 3, maxArgs: 4, units: 'none',
    doc: 'fv(rate, nper, pmt[, pv]): the future value after nper end-of-period payments pmt at rate per period, from pv (default 0); paid out is negative (Stella FV)',
    emit: (a) => `R.futureValue(${a[0]}, ${a[1]}, ${a[2]}, ${a[3] ?? '0'})` },
  { name: 'pv', minArgs: 3, maxArgs: 4, units: 'none',
    doc: 'pv(rate, nper, pmt[, fv]): the present value of nper end-of-period payments pmt at rate per period and a final fv (default 0); paid out is negative (Stella PV)',
    emit: (a) => `R.presentValue(${a[0]}, ${a[1]}, ${a[2]}, ${a[3] ?? '0'})` },
  { name: 'pmt', minArgs: 3, maxArgs: 4, units: 'none',
    doc: 'pmt(rate, nper, pv[, fv]): the end-of-period payment that turns pv into fv (default 0) over nper periods at rate per period; paid out is negative (Stella PMT)',
    emit: (a) => `R.payment(${a[0]}, ${a[1]}, ${a[2]}, ${a[3] ?? '0'})` },
];
