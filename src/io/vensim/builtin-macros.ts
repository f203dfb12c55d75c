/**
 * Vensim functions whose reference page defines them by a set of Vensim equations and
 * that have a further output after a colon, read as macros written from those equations
 * (`src/io/vensim/macros.ts` expands them and makes the output a variable of the caller):
 *
 * - DELAYP(input, delay time : pipeline), "3rd order exponential DELAY with Pipeline"
 *   (Vensim reference, fn_delayp.html): "Equivalent to the equations DELAYP=LV3/DL,
 *   pipeline=LV3+LV2+LV1, LV3=INTEG(RT2-DELAYP,DL*IN), RT2=LV2/DL,
 *   LV2=INTEG(RT1-RT2,LV3), RT1=LV1/DL, LV1=INTEG(input-RT1,LV3), DL=delay time/3"
 *   (IN is the input). The call names the pipeline variable: `out = DELAYP(in, T : wip)`.
 *
 * A macro the model defines itself under the same name is used instead.
 */
import type { Diagnostic } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { MacroDef } from './ast.js';
import { collect } from './collect.js';

const SOURCE = `:MACRO: DELAYP(input, delay time : pipeline)
DELAYP = LV3 / DL ~~|
pipeline = LV3 + LV2 + LV1 ~~|
LV3 = INTEG(RT2 - DELAYP, DL * input) ~~|
RT2 = LV2 / DL ~~|
LV2 = INTEG(RT1 - RT2, LV3) ~~|
RT1 = LV1 / DL ~~|
LV1 = INTEG(input - RT1, LV3) ~~|
DL = delay time / 3 ~~|
:END OF MACRO:
`;

let parsed: ReadonlyMap<string, MacroDef> | undefined;

/** The built-in macros by id (`delayp`), parsed once. */
export function builtinMacros(): ReadonlyMap<string, MacroDef> {
  if (!parsed) {
    const diags: Diagnostic[] = [];
    const { macros } = collect(SOURCE, undefined, diags);
    if (diags.length) throw new Error(`built-in Vensim macros do not parse: ${diags.map((d) => d.message).join('; ')}`);
    parsed = macros;
  }
  return parsed;
}

export function isBuiltinMacro(m: MacroDef): boolean {
  return builtinMacros().get(canonicalName(m.name)) === m;
}

/** Adds the built-in macros the model does not define itself. */
export function withBuiltinMacros(macros: Map<string, MacroDef>): Map<string, MacroDef> {
  for (const [id, m] of builtinMacros()) if (!macros.has(id)) macros.set(id, m);
  return macros;
}
