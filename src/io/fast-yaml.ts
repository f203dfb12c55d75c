/**
 * The quick way to read a model file's values: js-yaml (several times faster than the yaml
 * library on a cold start, and linear), with the YAML 1.2 core schema resolved exactly as the
 * yaml library resolves it, so both paths give the same values. Positions for diagnostics come
 * later and only when asked for (located.ts lazyLocator).
 *
 * Returns undefined whenever the slower, fully checked path must decide: a syntax error or a
 * duplicate key (its diagnostics name the position), and any anchor, alias or tag (aliases
 * need yaml's guard against alias bombs; tags its schema). The check for those is textual and
 * errs towards the slow path.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

const scalar = (tag: string, test: RegExp, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s: string | null) => test.test(s ?? ''), construct: (s: string | null) => construct(s ?? '') });

/** yaml's core schema (yaml/dist/schema/core and common/null): the same patterns and values. */
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10))),
    scalar('float', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/, (s) => {
      if (/nan$/i.test(s)) return NaN;
      if (/inf$/i.test(s)) return s[0] === '-' ? -Infinity : Infinity;
      return parseFloat(s);
    }),
  ],
});

/** An anchor (&a), alias (*a) or tag (!t) where a node could start, or a directive. */
const NEEDS_FULL_PARSE = /(?:^|[\s[{,:-])[&*!][^\s=*]|^%/m;

/** The document's value, or undefined when the located parse must read it (see above). */
export function quickLoad(text: string): unknown {
  if (NEEDS_FULL_PARSE.test(text)) return undefined;
  try {
    return load(text, { schema: CORE });
  } catch {
    return undefined;
  }
}
