/**
 * Tokenizer for the equation part of Vensim entries.
 *
 * Vensim names may contain spaces ("Teacup Temperature"), so a name is a run of words
 * joined by blanks; function names ("IF THEN ELSE", "DELAY N") are names followed by `(`.
 * Names in double quotes may contain any character (`\"` escapes a quote). Single quotes
 * delimit strings (file and sheet names of GET XLS …), except that an apostrophe right after
 * a letter of a name belongs to the name (`DimC'`, `time's up`), as Vensim reads them. `{…}` is a comment (comments nest). A backslash at
 * the end of a line continues the line (Vensim reference, "Rules for Variable Names" and
 * "Equation Format and Conventions"). Keywords are written between colons: `:AND:`, `:OR:`,
 * `:NOT:`, `:NA:`, `:EXCEPT:`, `:INTERPOLATE:`, `:MACRO:` …
 */

export type TokenKind = 'num' | 'name' | 'str' | 'kw' | 'op' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Names: words joined by single spaces (quoted: the inner text); keywords: upper case. */
  readonly text: string;
  readonly value?: number;
  /** True for a double-quoted name. */
  readonly quoted?: boolean;
  /** Offsets into the whole file text. */
  readonly pos: number;
  readonly end: number;
}

export interface LexProblem {
  readonly message: string;
  readonly pos: number;
}

/** Keywords recognised between colons (Vensim reference, "Operators", "Data Equations"). */
const KEYWORDS = new Set([
  'AND', 'OR', 'NOT', 'NA', 'EXCEPT', 'INTERPOLATE', 'RAW', 'HOLD BACKWARD', 'LOOK FORWARD',
  'MACRO', 'END OF MACRO', 'THE CONDITION', 'TEST INPUT', 'IMPLIES', 'SUPPLEMENTARY', 'IS',
]);

const WORD = /[\p{L}\p{M}\p{N}_$]/u;
const WORD_START = /[\p{L}\p{M}_$]/u;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPS = ['<->', '->', '<=', '>=', '<>', '==', ':=', '=', '<', '>', '+', '-', '*', '/', '^', '(', ')', '[', ']', ',', ';', '!', ':'];

/** Skips blanks, line continuations and `{…}` comments; returns the next offset. */
function skipSpace(text: string, i: number, end: number, newlines: boolean): number {
  while (i < end) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') i++;
    else if ((ch === '\n' || ch === '\r') && newlines) i++;
    else if (ch === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) i += text[i + 1] === '\r' ? 3 : 2;
    else if (ch === '{' && newlines) i = commentEnd(text, i, end);
    else break;
  }
  return i;
}

/** The offset after the `{…}` comment opening at `i`; comments nest, as Vensim reads them. */
function commentEnd(text: string, i: number, end: number): number {
  let depth = 0;
  for (let j = i; j < end; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j + 1;
  }
  return end;
}

export function tokenize(text: string, start: number, end: number): { tokens: Token[]; problem?: LexProblem } {
  const tokens: Token[] = [];
  let i = start;
  for (;;) {
    i = skipSpace(text, i, end, true);
    if (i >= end) break;
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < end && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= end) return { tokens, problem: { message: 'a quoted name is not closed', pos: i } };
      tokens.push({ kind: 'name', text: text.slice(i + 1, j), quoted: true, pos: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const j = text.indexOf("'", i + 1);
      if (j < 0 || j >= end) return { tokens, problem: { message: 'a quoted string is not closed', pos: i } };
      tokens.push({ kind: 'str', text: text.slice(i + 1, j), pos: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = /[\d.]/.test(ch) ? NUMBER.exec(text) : null;
    if (num && num.index === i && !WORD_START.test(text[i + num[0].length] ?? '')) {
      tokens.push({ kind: 'num', text: num[0], value: Number(num[0]), pos: i, end: i + num[0].length });
      i += num[0].length;
      continue;
    }
    if (WORD.test(ch)) {
      const words: string[] = [];
      let j = i;
      let last = i;
      for (;;) {
        let k = j;
        // An apostrophe right after a letter belongs to the name (`DimC'`, `time's up`).
        while (k < end && (WORD.test(text[k]) || (text[k] === "'" && k > j))) k++;
        words.push(text.slice(j, k));
        last = k;
        const next = skipSpace(text, k, end, false);
        if (next > k && next < end && WORD.test(text[next])) j = next;
        else break;
      }
      tokens.push({ kind: 'name', text: words.join(' '), pos: i, end: last });
      i = last;
      continue;
    }
    if (ch === ':') {
      const m = /:([A-Za-z][A-Za-z ]*?)\s*:/y;
      m.lastIndex = i;
      const k = m.exec(text);
      if (k && KEYWORDS.has(k[1].toUpperCase().replace(/\s+/g, ' '))) {
        tokens.push({ kind: 'kw', text: k[1].toUpperCase().replace(/\s+/g, ' '), pos: i, end: i + k[0].length });
        i += k[0].length;
        continue;
      }
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) return { tokens, problem: { message: `unexpected character '${ch}'`, pos: i } };
    tokens.push({ kind: 'op', text: op, pos: i, end: i + op.length });
    i += op.length;
  }
  tokens.push({ kind: 'eof', text: '', pos: end, end });
  return { tokens };
}
