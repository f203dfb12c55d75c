/**
 * Rewrites the parts of the equation language that mathjs does not parse itself into
 * mathjs syntax, before parsing:
 * - `if c then a else b` (XMILE 1.0 §3.3.3) → `((c) ? (a) : (b))`; `else` binds to the
 *   nearest `if`, and the else-branch runs to the end of its enclosing group.
 * - `<>` → `!=`.
 * String literals (quoted names) are copied untouched. Returns undefined text and a message
 * when `then`/`else` do not pair with an `if`.
 */
export interface Preprocessed {
  readonly text?: string;
  readonly problem?: { readonly message: string; readonly offset: number };
}

const WORD = /[\p{L}\p{N}_$]/u;

export function preprocess(source: string): Preprocessed {
  let out = '';
  let depth = 0;
  /** Group depths at which an else-branch is open and must be closed with `))`. */
  const elses: number[] = [];
  /** Group depths of `if`s still waiting for `then` / `else`. */
  const ifs: { depth: number; stage: 'if' | 'then' }[] = [];
  const closeElses = (atDepth: number) => {
    while (elses.length && elses[elses.length - 1] === atDepth) {
      elses.pop();
      out += '))';
    }
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"' || ch === "'") {
      const end = findStringEnd(source, i);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (WORD.test(ch)) {
      let j = i;
      while (j < source.length && WORD.test(source[j])) j++;
      const word = source.slice(i, j);
      const lower = word.toLowerCase();
      const prevIsDot = i > 0 && source[i - 1] === '.';
      if (lower === 'if' && !prevIsDot) {
        ifs.push({ depth, stage: 'if' });
        out += '((';
      } else if (lower === 'then') {
        closeElses(depth);
        const open = ifs[ifs.length - 1];
        if (!open || open.depth !== depth || open.stage !== 'if') return { problem: { message: "'then' without a matching 'if'", offset: i } };
        open.stage = 'then';
        out += ') ? (';
      } else if (lower === 'else') {
        closeElses(depth);
        const open = ifs[ifs.length - 1];
        if (!open || open.depth !== depth || open.stage !== 'then') return { problem: { message: "'else' without a matching 'if … then'", offset: i } };
        ifs.pop();
        elses.push(depth);
        out += ') : (';
      } else {
        out += word;
      }
      i = j;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    if (ch === ')' || ch === ']' || ch === '}' || ch === ',') {
      closeElses(depth);
      if (ch !== ',') depth--;
    }
    if (ch === '<' && source[i + 1] === '>') {
      out += '!=';
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
  closeElses(depth);
  const pending = ifs[ifs.length - 1];
  if (pending) return { problem: { message: pending.stage === 'if' ? "'if' without 'then'" : "'if … then' without 'else'", offset: source.length } };
  return { text: out };
}

function findStringEnd(source: string, start: number): number {
  const quote = source[start];
  let k = start + 1;
  while (k < source.length && source[k] !== quote) k += source[k] === '\\' ? 2 : 1;
  return Math.min(k + 1, source.length);
}
