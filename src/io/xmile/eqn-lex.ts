/**
 * Tokenizer for XMILE equations (XMILE 1.0 §3.3) and, with `dialect: 'native'`, for the
 * native equation language (docs/equations.md), which differs only in a few operators.
 * XMILE names may be written bare (letters, digits, `_`, `$`; `.` joins module-qualified
 * parts, §3.6) or in double quotes with `\"` and `\\` escapes (§3.2.1); `{…}` is a comment.
 * An apostrophe is no XMILE operator or quote (§3.3), so inside a bare XMILE name it is part
 * of the name, as Stella writes `Can't_start` and `Marg_Capital'` unquoted.
 */
export type Dialect = 'xmile' | 'native';

export interface Token {
  readonly t: 'num' | 'id' | 'str' | 'op' | 'eof';
  /** Number text, identifier text, unescaped quoted text, or the operator. */
  readonly v: string;
  readonly pos: number;
}

export interface LexError {
  readonly message: string;
  readonly pos: number;
}

const ID_START = /[\p{L}_$]/u;
const ID_PART = /[\p{L}\p{N}_$\p{M}]/u;
const ID_PART_XMILE = /[\p{L}\p{N}_$\p{M}']/u;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const OPS2 = ['<=', '>=', '<>', '==', '!=', '//'];
const OPS1 = '+-*/^()[],<>=?:%';

export function tokenize(text: string, dialect: Dialect): { tokens?: Token[]; error?: LexError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '{' && dialect === 'xmile') {
      const end = text.indexOf('}', i);
      if (end < 0) return { error: { message: "a '{' comment is never closed", pos: i } };
      i = end + 1;
      continue;
    }
    const num = /[0-9.]/.test(ch) ? NUMBER.exec(text.slice(i)) : null;
    if (num) {
      tokens.push({ t: 'num', v: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    if (ch === '"' || (ch === "'" && dialect === 'native') || ID_START.test(ch)) {
      const r = readName(text, i, dialect);
      if ('message' in r) return { error: r };
      tokens.push(r.token);
      i = r.next;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (OPS2.includes(two)) { tokens.push({ t: 'op', v: two, pos: i }); i += 2; continue; }
    if (two === '&&' || two === '||') { tokens.push({ t: 'op', v: two === '&&' ? 'and' : 'or', pos: i }); i += 2; continue; }
    if (OPS1.includes(ch)) { tokens.push({ t: 'op', v: ch, pos: i }); i++; continue; }
    return { error: { message: `unexpected character '${ch}'`, pos: i } };
  }
  tokens.push({ t: 'eof', v: '', pos: text.length });
  return { tokens };
}

/**
 * Reads one name: bare or quoted parts joined by `.` (a module-qualified name). A name with
 * any quoted part comes back as `str` (so it is never mistaken for a keyword).
 */
function readName(text: string, start: number, dialect: Dialect): { token: Token; next: number } | LexError {
  let i = start;
  let out = '';
  let quoted = false;
  for (;;) {
    const ch = text[i];
    if (ch === '"' || (ch === "'" && dialect === 'native')) {
      const r = readQuoted(text, i);
      if ('message' in r) return r;
      out += r.value;
      quoted = true;
      i = r.next;
    } else if (ch !== undefined && ID_START.test(ch)) {
      const s = i;
      const part = dialect === 'xmile' ? ID_PART_XMILE : ID_PART;
      while (i < text.length && part.test(text[i])) i++;
      out += text.slice(s, i);
    } else {
      return { message: `a name is expected after '.'`, pos: i };
    }
    const next = text[i + 1];
    if (dialect === 'xmile' && text[i] === '.' && next !== undefined && (next === '"' || ID_START.test(next))) {
      out += '.';
      i++;
      continue;
    }
    break;
  }
  return { token: { t: quoted ? 'str' : 'id', v: out, pos: start }, next: i };
}

function readQuoted(text: string, start: number): { value: string; next: number } | LexError {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const e = text[i + 1];
      value += e === 'n' ? '\\n' : e;
      i += 2;
    } else {
      value += text[i++];
    }
  }
  if (i >= text.length) return { message: `a quoted name is never closed`, pos: start };
  return { value, next: i + 1 };
}
