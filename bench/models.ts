/** Generated native models for the scale goals of bench/goals.ts. */

const SIM = 'sim: { start: 0, stop: 1, dt: 1 }\n';

/** N auxiliaries in a chain: a_1 = 1, a_i = a_{i-1} + 1. */
export function auxChain(n: number): string {
  const lines = [SIM, 'auxiliaries:\n  a_1: { equation: "1" }\n'];
  for (let i = 2; i <= n; i++) lines.push(`  a_${i}: { equation: "a_${i - 1} + 1" }\n`);
  return lines.join('');
}

/** N constants and one auxiliary a_1 that reads the first. */
export function constants(n: number): string {
  const lines = [SIM, 'auxiliaries:\n  a_1: { equation: "c_1 + 1" }\nconstants:\n'];
  for (let i = 1; i <= n; i++) lines.push(`  c_${i}: { value: ${i} }\n`);
  return lines.join('');
}

/** A wide run: `stocks` draining stocks, each with its flow and an auxiliary (3 series each). */
export function wide(stocks: number, stop: number): string {
  const lines = [`sim: { start: 0, stop: ${stop}, dt: 1 }\nstocks:\n`];
  for (let i = 1; i <= stocks; i++) lines.push(`  s_${i}: { initial: ${i}, outflows: [out_${i}] }\n`);
  lines.push('flows:\n');
  for (let i = 1; i <= stocks; i++) lines.push(`  out_${i}: { equation: "s_${i} * rate_${i}" }\n`);
  lines.push('auxiliaries:\n');
  for (let i = 1; i <= stocks; i++) lines.push(`  rate_${i}: { equation: "0.001 * (1 + sin(time / ${i}))" }\n`);
  return lines.join('');
}

/**
 * An n×n matrix read from a CSV file and inverted (INVERT MATRIX) or, with `invert` false,
 * copied: the same reading either way, so the two differ only by the inversion. The matrix is
 * diagonally dominant, hence invertible. Returns the .mdl and the CSV it reads (`matrix.csv`).
 */
export function matrixMdl(n: number, invert: boolean): { mdl: string; csv: string } {
  const rows = [['', ...Array.from({ length: n }, (_, j) => `c${j + 1}`)].join(',')];
  for (let i = 0; i < n; i++) {
    rows.push([`r${i + 1}`, ...Array.from({ length: n }, (_, j) => (i === j ? n + 1 : ((i * 7 + j * 3) % 10) / 10))].join(','));
  }
  const rhs = invert ? `INVERT MATRIX(M[Row, Col], ${n})` : 'M[Row, Col]';
  const mdl = [
    '{UTF-8}',
    `Row: (r1-r${n}) ~~|`,
    `Col: (c1-c${n}) ~~|`,
    "M[Row, Col] = GET DIRECT CONSTANTS('matrix.csv', ',', 'B2') ~~|",
    `Result[Row, Col] = ${rhs} ~~|`,
    'INITIAL TIME = 0 ~~|', 'FINAL TIME = 1 ~~|', 'TIME STEP = 1 ~~|', 'SAVEPER = TIME STEP ~~|', '',
  ].join('\n');
  return { mdl, csv: `${rows.join('\n')}\n` };
}

/**
 * ALLOCATE BY PRIORITY of a supply that grows with time among `n` requesters in each of
 * `regions` regions (every element of `allocation` one call), or, with `allocate` false, the
 * same requests shared in proportion with SUM: the same reading and output either way, so the
 * two differ by the allocation. 100 steps.
 */
export function allocationMdl(regions: number, n: number, allocate: boolean): string {
  const list = (f: (g: number, i: number) => number) => Array.from({ length: regions }, (_, g) => Array.from({ length: n }, (_, i) => f(g, i)).join(',')).join(';');
  const rhs = allocate
    ? 'ALLOCATE BY PRIORITY(request[Region, Req], priority[Region, Req], ELMCOUNT(Req), 3, supply[Region])'
    : 'request[Region, Req] * MIN(1, supply[Region] / SUM(request[Region, Req!]))';
  return [
    '{UTF-8}',
    `Region: (g1-g${regions}) ~~|`,
    `Req: (q1-q${n}) ~~|`,
    `request[Region, Req] = ${list((g, i) => 1 + ((g * 7 + i * 3) % 10))} ~~|`,
    `priority[Region, Req] = ${list((g, i) => (g * 5 + i * 11) % 17)} ~~|`,
    `supply[Region] = Time * ${(n / 10).toFixed(1)} ~~|`,
    `allocation[Region, Req] = ${rhs} ~~|`,
    'INITIAL TIME = 0 ~~|', 'FINAL TIME = 100 ~~|', 'TIME STEP = 1 ~~|', 'SAVEPER = TIME STEP ~~|', '',
  ].join('\n');
}

/**
 * An array of n elements read by `kind` over it, per element (VECTOR SORT ORDER, VECTOR RANK,
 * ALLOCATE BY PRIORITY), or, for `plain`, the per-element expression x·2 + 1 the others are
 * measured against; 100 steps, every element integrated so that none is dropped.
 */
export function vectorMdl(n: number, kind: 'sort' | 'rank' | 'allocate' | 'plain'): string {
  const rhs = {
    sort: 'VECTOR SORT ORDER(x[E], 1)',
    rank: 'VECTOR RANK(x[E], 0)',
    allocate: `ALLOCATE BY PRIORITY(request[E], x[E], ELMCOUNT(E), 10, ${n / 3})`,
    plain: 'x[E] * 2 + 1',
  }[kind];
  return [
    '{UTF-8}',
    `E: (e1-e${n}) ~~|`,
    'x[E] = SIN(Time * 0.37 + E * 1.3) * 100 + E * 0.01 ~~|',
    'request[E] = 1 + E * 0.001 ~~|',
    `r[E] = ${rhs} ~~|`,
    's[E] = INTEG(r[E], 0) ~~|',
    'INITIAL TIME = 0 ~~|', 'FINAL TIME = 100 ~~|', 'TIME STEP = 1 ~~|', 'SAVEPER = 100 ~~|', '',
  ].join('\n');
}
