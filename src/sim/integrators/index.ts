/**
 * The integrator registry: every strategy under sim/integrators/ listed once, looked up by
 * name or alias. Adding a method means writing its file and adding it to `ALL` below —
 * each strategy carries its own aliases, so no switch anywhere else changes.
 */
import type { Integrator } from '../types.js';
import { euler } from './euler.js';
import { rk2 } from './rk2.js';
import { midpoint } from './midpoint.js';
import { rk4 } from './rk4.js';
import { rk45 } from './rk45.js';
import { rk2Auto, rk4Auto } from './rk-auto.js';
import { rosenbrock } from './rosenbrock.js';
import type { RegisteredIntegrator } from './shared.js';

export type { RegisteredIntegrator } from './shared.js';

const ALL: readonly RegisteredIntegrator[] = [euler, rk2, midpoint, rk4, rk45, rosenbrock, rk4Auto, rk2Auto];

/**
 * Lookup key for a user-written method name: case-insensitive, surrounding space ignored,
 * and inner spaces/underscores read as hyphens ('Runge Kutta' = 'runge_kutta' = 'runge-kutta').
 */
function key(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

function buildIndexes(): [Map<string, Integrator>, Map<string, Integrator>] {
  const byName = new Map<string, Integrator>();
  const byAnyName = new Map<string, Integrator>();
  for (const integrator of ALL) {
    for (const name of [integrator.name, ...integrator.aliases]) {
      const k = key(name);
      const clash = byAnyName.get(k);
      if (clash) throw new Error(`integrator name '${name}' is claimed by both '${clash.name}' and '${integrator.name}'`);
      byAnyName.set(k, integrator);
    }
    byName.set(integrator.name, integrator);
  }
  return [byName, byAnyName];
}

const [byName, byAnyName] = buildIndexes();

/** Every integrator by its canonical name, in registration order (aliases not included). */
export const integrators: ReadonlyMap<string, Integrator> = byName;

/** The integrator called `name` (canonical name or alias, case-insensitive), if any. */
export function getIntegrator(name: string): Integrator | undefined {
  return byAnyName.get(key(name));
}

/** Canonical names of all integrators, in registration order (for help text and errors). */
export function integratorNames(): string[] {
  return [...byName.keys()];
}

export { euler, rk2, midpoint, rk4, rk45, rosenbrock, rk4Auto, rk2Auto };
