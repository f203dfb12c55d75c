/**
 * Unit strings for the dimensional check: a tiny grammar of names, numbers, `* / ^` and
 * parentheses (`per` means `/`, words separated by spaces form one name, a trailing Vensim
 * range `[0,100]` is ignored). Names are resolved by the UnitRegistry.
 */
import { DIMENSIONLESS, multiply, power, type UnitRegistry, type Units } from './units-registry.js';

/** Parses a declared unit string; an empty string declares nothing (undefined units). */
export function parseUnits(reg: UnitRegistry, text: string): { units?: Units; error?: string } {
  const cleaned = text.replace(/\[[^\]]*\]\s*$/, '').trim();
  if (cleaned === '') return {};
  try {
    return { units: { ...new UnitParser(cleaned, reg).parse(), text: cleaned } };
  } catch (e) {
    return { error: e instanceof UnitSyntaxError ? e.message : String(e) };
  }
}

class UnitSyntaxError extends Error {}

type Token = { kind: 'name' | 'num' | 'op'; text: string; pos: number };

const NAME_START = /[\p{L}_$%°]/u;
const NAME_PART = /[\p{L}\p{N}_$%°'.]/u;

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) { i++; continue; }
    const numMatch = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
    if (numMatch) { out.push({ kind: 'num', text: numMatch[0], pos: i }); i += numMatch[0].length; continue; }
    if ('*/^()·×'.includes(c)) { out.push({ kind: 'op', text: c === '·' || c === '×' ? '*' : c, pos: i }); i++; continue; }
    if (c === '-' || c === '+') { out.push({ kind: 'op', text: c, pos: i }); i++; continue; }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < s.length && (NAME_PART.test(s[j]) || (s[j] === '-' && /\p{L}/u.test(s[j + 1] ?? '')))) j++;
      const word = s.slice(i, j);
      const prev = out[out.length - 1];
      if (word.toLowerCase() === 'per') out.push({ kind: 'op', text: '/', pos: i });
      else if (prev?.kind === 'name' && /^\s+$/.test(s.slice(prev.pos + prev.text.length, i))) {
        out[out.length - 1] = { ...prev, text: `${prev.text} ${word}` }; // multi-word unit name
      } else out.push({ kind: 'name', text: word, pos: i });
      i = j;
      continue;
    }
    throw new UnitSyntaxError(`unexpected '${c}' at position ${i + 1}`);
  }
  return out;
}

/** expr := term (('*' | '/') term)* ; term := factor ('^' exponent)? ; factor := name | number | '(' expr ')'. */
class UnitParser {
  private readonly tokens: Token[];
  private i = 0;

  constructor(text: string, private readonly reg: UnitRegistry) {
    this.tokens = tokenize(text);
  }

  parse(): Units {
    const u = this.expr();
    const t = this.tokens[this.i];
    if (t) throw new UnitSyntaxError(`unexpected '${t.text}' at position ${t.pos + 1}`);
    return u;
  }

  private peek(): Token | undefined { return this.tokens[this.i]; }

  private expr(): Units {
    let u = this.term();
    for (let t = this.peek(); t && t.kind === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.i++;
      u = multiply(u, this.term(), t.text === '*' ? 1 : -1);
    }
    return u;
  }

  private term(): Units {
    const startsWithNumber = this.peek()?.kind === 'num';
    let u = this.factor();
    // a number directly followed by a name or parenthesis multiplies it: "1000 people"
    const next = this.peek();
    if (startsWithNumber && next && (next.kind === 'name' || next.text === '(')) u = multiply(u, this.factor());
    if (this.peek()?.text === '^') { this.i++; u = power(u, this.exponent()); }
    return u;
  }

  private exponent(): number {
    const paren = this.peek()?.text === '(';
    if (paren) this.i++;
    let sign = 1;
    const s = this.peek();
    if (s?.text === '-' || s?.text === '+') { sign = s.text === '-' ? -1 : 1; this.i++; }
    let value = this.number();
    if (paren && this.peek()?.text === '/') { this.i++; value /= this.number(); }
    if (paren) this.expect(')');
    if (!Number.isFinite(value)) throw new UnitSyntaxError('the exponent is not a finite number');
    return sign * value;
  }

  private number(): number {
    const t = this.peek();
    if (!t || t.kind !== 'num') throw new UnitSyntaxError(t ? `expected a number at position ${t.pos + 1}, found '${t.text}'` : 'expected a number at the end');
    this.i++;
    return Number(t.text);
  }

  private expect(op: string) {
    const t = this.peek();
    if (t?.text !== op) throw new UnitSyntaxError(t ? `expected '${op}' at position ${t.pos + 1}, found '${t.text}'` : `expected '${op}' at the end`);
    this.i++;
  }

  private factor(): Units {
    const t = this.peek();
    if (!t) throw new UnitSyntaxError(this.tokens.length ? 'the unit ends with an operator' : 'no unit');
    this.i++;
    if (t.kind === 'name') {
      const a = this.reg.resolve(t.text);
      return a ? { atoms: new Map([[a.key, 1]]) } : DIMENSIONLESS;
    }
    if (t.kind === 'num') {
      const value = Number(t.text);
      if (!(value > 0) || !Number.isFinite(value)) throw new UnitSyntaxError(`a scale factor must be positive, found ${t.text}`);
      const a = this.reg.scaleAtom(value);
      return a ? { atoms: new Map([[a.key, 1]]) } : DIMENSIONLESS;
    }
    if (t.text === '(') {
      const u = this.expr();
      this.expect(')');
      return u;
    }
    throw new UnitSyntaxError(`unexpected '${t.text}' at position ${t.pos + 1}`);
  }
}
