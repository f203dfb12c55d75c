/**
 * The conveyor line of `npm run bench`: an XMILE conveyor with four leakage flows against the
 * same conveyor with none, both read and run in this process (transit time 50, dt 0.125,
 * 16,000 Euler steps, 400 batches on the belt), medians of CPU time over interleaved rounds
 * after warm-up. All flows of one conveyor read one belt, so the four leakage flows should
 * cost the leak arithmetic only, not four more belts. Prints
 * `bench: conveyor 4 leakage flows / no leakage = R`.
 * Alone: node --import tsx bench/conveyor.ts
 */
import { pathToFileURL } from 'node:url';
import { readXmile } from '../src/io/xmile/index.js';
import { trySimulate } from '../src/sim/simulate.js';
import type { Model } from '../src/model/types.js';

/** A conveyor 'Belt' of transit time 50 fed 10 a time unit, with `leaks` leakage flows of fraction 0.05 each. */
export function conveyorXmile(leaks: number): string {
  const names = Array.from({ length: leaks }, (_, k) => `leak_${k + 1}`);
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>bench</vendor><product version="1">bench</product><name>conveyor</name></header>
  <sim_specs method="euler"><start>0</start><stop>2000</stop><dt>0.125</dt></sim_specs>
  <model><variables>
    <stock name="Belt"><eqn>100</eqn><inflow>loading</inflow><outflow>unloading</outflow>${names.map((n) => `<outflow>${n}</outflow>`).join('')}
      <conveyor><len>50</len></conveyor></stock>
    <flow name="loading"><eqn>10 + SIN(TIME / 7)</eqn></flow>
    <flow name="unloading"/>
    ${names.map((n) => `<flow name="${n}"><eqn>0.05</eqn><leak/></flow>`).join('\n    ')}
  </variables></model>
</xmile>`;
}

function model(leaks: number): Model {
  const r = readXmile(conveyorXmile(leaks), `conveyor-${leaks}.xmile`);
  if (!r.model) throw new Error(`bench: the conveyor model with ${leaks} leakage flows does not read`);
  return r.model;
}

function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Prints the conveyor line; returns the ratio. */
export function conveyorGoal(rounds = 7): number {
  const cases = [model(0), model(4)];
  const runOnce = (m: Model) => { if (!trySimulate(m).result) throw new Error('bench: the conveyor model does not run'); };
  for (const m of cases) { runOnce(m); runOnce(m); }
  const times: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) cases.forEach((m, i) => times[i].push(cpuMs(() => runOnce(m))));
  const [none, four] = times.map(median);
  const ratio = four / none;
  console.log(`conveyor, CPU medians of ${rounds}: no leakage ${none.toFixed(1)} ms, 4 leakage flows ${four.toFixed(1)} ms`);
  console.log(`bench: conveyor 4 leakage flows / no leakage = ${ratio.toFixed(2)}`);
  return ratio;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) conveyorGoal();
