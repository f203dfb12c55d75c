/** A small XMILE document around one conveyor, for the conveyor tests. */
import { xmileDoc } from './helpers.js';

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
