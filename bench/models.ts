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
