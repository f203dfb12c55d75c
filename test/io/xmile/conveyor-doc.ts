/** A small XMILE document around one conveyor, and checks shared by the conveyor tests. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { cli, tempDir } from '../../cli/cli-helpers.js';
import { readOk, run, xmileDoc } from './helpers.js';

/** Reading the two XMILE texts gives the same run, value for value. */
export function sameRun(a: string, b: string): void {
  const [x, y] = [run(readOk(a)), run(readOk(b))];
  assert.equal(y.names, x.names);
  for (const n of x.names) assert.equal(Array.from(y.series(n)), Array.from(x.series(n)), n);
}

/** `stockflow convert` writes the Stella text as XMILE with a `<conveyor>`, and both run to the same CSV. */
export function convertsToSameCsv(stella: string): void {
  const dir = tempDir();
  const [from, to] = [join(dir, 'belt.stmx'), join(dir, 'back.xmile')];
  writeFileSync(from, stella);
  const converted = cli('convert', from, to);
  assert.is(converted.code, 0, converted.stderr);
  assert.match(readFileSync(to, 'utf8'), /<conveyor>/);
  const [a, b] = [cli('run', from), cli('run', to)];
  assert.is(a.code, 0, a.stderr);
  assert.is(b.stdout, a.stdout);
}

export const sim = (stop: number, dt = 1) => `<sim_specs method="euler"><start>0</start><stop>${stop}</stop><dt>${dt}</dt></sim_specs>`;

export interface Belt {
  inflow: string;
  len: string;
  initial?: string;
  exponential?: boolean;
  /** Leakage flows: [name, fraction, extra flow XML]. */
  leaks?: [string, string, string?][];
  stop?: number;
  dt?: number;
  /** More variables. */
  extra?: string;
}

/** A conveyor 'Belt' fed by 'loading', emptied by 'unloading' and its leakage flows. */
export const belt = (o: Belt) => xmileDoc(`
  <stock name="Belt"><eqn>${o.initial ?? '0'}</eqn><inflow>loading</inflow><outflow>unloading</outflow>${(o.leaks ?? []).map(([n]) => `<outflow>${n}</outflow>`).join('')}
    <conveyor${o.exponential ? ' exponential_leak="true"' : ''}><len>${o.len}</len></conveyor></stock>
  <flow name="loading"><eqn>${o.inflow}</eqn></flow>
  <flow name="unloading"/>
  ${(o.leaks ?? []).map(([n, f, extra]) => `<flow name="${n}"><eqn>${f}</eqn><leak/>${extra ?? ''}</flow>`).join('\n')}${o.extra ?? ''}`, { sim: sim(o.stop ?? 8, o.dt) });
