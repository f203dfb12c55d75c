/**
 * Vensim's :NA: (missing data) is a number, −2^109 as the .mdl reader writes it, not NaN.
 * Arithmetic on it gives more numbers of that size (:NA: + :NA: ≈ −1.3e33): a value of
 * magnitude ≥ 2^109 is :NA: or computed from it, and charts and analyses say so.
 */

/** |:NA:| = 2^109 ≈ 6.5e32. */
export const NA_MAGNITUDE = 2 ** 109;

/** True for a finite value of :NA:'s size or more. */
export const isNaSized = (x: number): boolean => Math.abs(x) >= NA_MAGNITUDE && Number.isFinite(x);
