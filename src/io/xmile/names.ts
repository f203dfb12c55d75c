/**
 * Name handling between XMILE and the native equation language.
 * XMILE 1.0 §3.2.2: names compare case-insensitively, with spaces and underscores the same
 * character, and an escaped `\n` in a name (a line break in the diagram) is also a space.
 * The reader keeps names "as written" with `\n` turned into a space, which canonicalName
 * (core/names.ts) then treats exactly as the standard does.
 */
import { XMILE_FUNCTIONS } from './builtins.js';
import { tokenize } from './eqn-lex.js';
import { canonicalName } from '../../core/names.js';

/** A name fit for display and CSV headers: `\n` and line breaks become spaces, runs collapse. */
export function displayName(raw: string): string {
  return raw.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The canonical id of an XMILE name (as used inside the engine). */
export function xid(raw: string): string {
  return canonicalName(displayName(raw));
}

/**
 * Words that mathjs or the native language treat as operators or literals; a variable with
 * such a name is written quoted in native equations.
 */
const NATIVE_RESERVED = new Set([
  'and', 'or', 'xor', 'not', 'mod', 'to', 'in', 'if', 'then', 'else', 'true', 'false', 'null',
  'undefined', 'end',
]);

/**
 * How to refer to a variable in native equation text: bare with underscores when it is a
 * plain ASCII identifier, otherwise in double quotes (docs/equations.md "Names").
 */
export function nativeRef(name: string): string {
  const underscored = name.trim().replace(/\s+/g, '_');
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(underscored) && !NATIVE_RESERVED.has(underscored.toLowerCase())) return underscored;
  return JSON.stringify(name);
}

/**
 * How to refer to a variable in XMILE equation text (§3.2.2.1): underscores, or quotes. A bare
 * identifier starts with a letter and neither starts nor ends with `_`; reserved words and
 * builtin names (§3.2.2.5) are quoted too.
 */
export function xmileRef(name: string): string {
  const underscored = name.trim().replace(/\s+/g, '_');
  if (/^\p{L}(?:[\p{L}\p{N}_]*[\p{L}\p{N}])?$/u.test(underscored) && !XMILE_RESERVED.has(underscored.toLowerCase())) return underscored;
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A name as written in a link (`<inflow>"a b"</inflow>`), without surrounding quotes. */
export function unquote(name: string): string {
  return name.trim().replace(/^"(.*)"$/s, '$1');
}

/**
 * A name in a module's `<connect to="…" from="…">` (§4.7.1) as a plain dotted name: a leading
 * `.` (the enclosing model) is dropped and quoted parts are unquoted, so `."main init"`,
 * `hares."lynx pop"` and `"hares"."lynx pop"` name what `main_init` and `hares.lynx_pop` do.
 */
export function connectName(raw: string): string {
  const text = raw.trim().replace(/^\./, '');
  const lexed = tokenize(text, 'xmile').tokens;
  const only = lexed?.length === 2 && (lexed[0].t === 'id' || lexed[0].t === 'str') ? lexed[0].v : undefined;
  return displayName(only ?? text);
}

/** Words XMILE equations reserve (§3.2.2.5): operators, constants and every builtin the reader knows. */
const XMILE_RESERVED: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'mod', 'if', 'then', 'else', 'time', 'dt', 'starttime', 'stoptime', 'pi', 'inf', 'nan', 'self', 'std',
  ...XMILE_FUNCTIONS.keys(),
]);

export { canonicalName };
