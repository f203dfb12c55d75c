/**
 * The settings block at the end of a .mdl file: after the sketch's closing line `///---\\\`,
 * a marker line `:L<%^E!@` (Vensim writes a DEL character after `:L`) and then one setting per
 * line, `CODE:VALUE`. Vensim keeps the choices of its Simulation Settings dialog here. Two of
 * them change what a run computes:
 * - `15:a,b,c,METHOD,d,e`: the integration type, the fourth number. 0 Euler, 1 RK4 Auto,
 *   2 Difference, 3 RK2 Auto, 4 RK2 Fixed, 5 RK4 Fixed (Vensim reference, "Integration
 *   Type"; the codes as Vensim saves them and as xmutil and Simlin read them). The Auto
 *   types run as sim/integrators/rk-auto.ts: Runge–Kutta with step-size control under the
 *   model's ABSOLUTE TOLERANCE and RELATIVE TOLERANCE (control.ts, integrationTolerances).
 * - `30:?tag=file`: a data file alias, so that GET DIRECT / GET XLS functions may name the
 *   file as `?tag` (Vensim reference, "Data file aliases").
 * One more changes what a check reports:
 * - `22:Name,Alias,…`: a units equivalence, names that mean the same unit (Vensim reference,
 *   "Units Equivalence": `Person,People,Persons`); the first is the unit, the rest its aliases.
 * Other codes (fonts, the last run's name) change neither.
 */
import { warning, type Diagnostic } from '../../core/diagnostics.js';

export interface MdlSettings {
  /** The integration method registered in sim/; Euler when not given. */
  readonly method: 'euler' | 'rk2-midpoint' | 'rk4' | 'rk2-auto' | 'rk4-auto';
  /** Vensim's own name of the integration type, for messages. */
  readonly methodName: string;
  /** `?tag` (lower case, with the `?`) → file name, as the model maps them. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Units equivalences: the first name of each `22:` line → the others. */
  readonly unitAliases: Record<string, string[]>;
}

const METHODS: Readonly<Record<number, [MdlSettings['method'], string]>> = {
  0: ['euler', 'Euler'],
  1: ['rk4-auto', 'RK4 Auto'],
  2: ['euler', 'Difference'],
  3: ['rk2-auto', 'RK2 Auto'],
  4: ['rk2-midpoint', 'RK2 Fixed'],
  5: ['rk4', 'RK4 Fixed'],
};

/** Reads the settings block of a .mdl text; defaults (Euler, no aliases) when it has none. */
export function mdlSettings(text: string): MdlSettings {
  const marker = /^[ \t]*:L\x7f?<%\^E!@[^\n]*$/m.exec(text);
  let [method, methodName] = METHODS[0];
  const aliases = new Map<string, string>();
  const units = new Map<string, string[]>();
  if (!marker) return { method, methodName, aliases, unitAliases: {} };
  for (const line of text.slice(marker.index + marker[0].length).split(/\r\n|\r|\n/)) {
    const m = /^(\d+):(.*)$/.exec(line.trim());
    if (!m) continue;
    if (m[1] === '15') {
      const code = Number.parseInt(m[2].split(',')[3] ?? '', 10);
      if (METHODS[code]) [method, methodName] = METHODS[code];
    } else if (m[1] === '30') {
      const eq = m[2].indexOf('=');
      const tag = m[2].slice(0, eq).trim();
      const file = m[2].slice(eq + 1).trim();
      if (eq > 0 && tag !== '' && file !== '') aliases.set((tag.startsWith('?') ? tag : `?${tag}`).toLowerCase(), file);
    } else if (m[1] === '22') {
      const [unit, ...others] = m[2].split(',').map((n) => n.trim()).filter((n) => n !== '');
      if (unit !== undefined && others.length) units.set(unit, [...(units.get(unit) ?? []), ...others]);
    }
  }
  return { method, methodName, aliases, unitAliases: Object.fromEntries(units) };
}

/**
 * The one assumption of an Auto integration type, said once per read when the run uses one:
 * Vensim documents its tolerances and that TIME STEP is the largest step, not its error
 * estimate (sim/integrators/rk-auto.ts says what is chosen). The method used is the caller's
 * `override` (a --method) when given, else the settings' own; none for other methods.
 */
export function autoStepNotes(settings: MdlSettings, override: string | undefined, file: string | undefined): Diagnostic[] {
  const used = override ?? settings.method;
  if (!used.endsWith('-auto')) return [];
  const name = override === undefined ? settings.methodName : Object.values(METHODS).find(([m]) => m === used)?.[1] ?? used;
  return [autoStepNote(name, file)];
}

function autoStepNote(methodName: string, file: string | undefined): Diagnostic {
  return warning('assumed-step-control',
    `${methodName}: Vensim does not document its error estimate; steps are halved from TIME STEP under a step-doubling estimate, so values agree with Vensim within ABSOLUTE/RELATIVE TOLERANCE, not digit for digit`,
    { file, hint: 'see docs/vensim-functions.md, "The settings block"' });
}
