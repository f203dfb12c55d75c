/**
 * The XML layer of the XMILE reader: fast-xml-parser builds the element tree (with source
 * offsets, `captureMetaData`), and this file turns it into a small `XNode` tree whose
 * every element knows where it starts, so later stages can report `file:line:column`.
 * Element text is taken from the source itself (entities and CDATA decoded here) together
 * with a map back to source offsets, so a problem inside an equation is located exactly.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { dict } from '../../core/dict.js';

export interface XNode {
  /** Tag as written, e.g. `aux` or `isee:prefs`. */
  readonly tag: string;
  /** Lower-cased local name (after any `prefix:`). */
  readonly local: string;
  /** Namespace prefix as written, '' when none. */
  readonly prefix: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XNode[];
  /** Offset of `<` in the source, and just past the element's end. */
  readonly start: number;
  readonly end: number;
}

export interface XmlDoc {
  readonly source: string;
  readonly root: XNode;
  readonly file?: string;
  /** Offsets at which each line starts (line 1 at index 0). */
  readonly lineStarts: readonly number[];
}

/** Decoded element text and, for each character, its offset in the source. */
export interface SourceText {
  readonly text: string;
  readonly offsets: readonly number[];
}

const META = XMLParser.getMetaDataSymbol() as unknown as string;

export function parseXml(source: string, file?: string): { doc?: XmlDoc; diagnostics: Diagnostic[] } {
  const lineStarts = computeLineStarts(source);
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const snippet = lineText(source, lineStarts, line).trim();
    return {
      diagnostics: [error('malformed-xml', `${msg}${snippet ? ` in '${clip(snippet)}'` : ''}`, {
        file, line, column: col, hint: 'the file is not well-formed XML; fix the markup at this position',
      })],
    };
  }
  let tree: unknown[];
  try {
    const parser = new XMLParser({
      preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', captureMetaData: true,
      parseTagValue: false, parseAttributeValue: false, allowBooleanAttributes: true, trimValues: false,
    });
    tree = parser.parse(source) as unknown[];
  } catch (e) {
    return { diagnostics: [error('malformed-xml', `cannot parse the XML: ${e instanceof Error ? e.message : String(e)}`, { file, line: 1, column: 1 })] };
  }
  const roots = convertAll(tree);
  if (roots.length !== 1) {
    return { diagnostics: [error('malformed-xml', roots.length ? 'more than one root element' : 'no root element', { file, line: 1, column: 1 })] };
  }
  return { doc: { source, root: roots[0], file, lineStarts }, diagnostics: [] };
}

function convertAll(items: unknown[]): XNode[] {
  const out: XNode[] = [];
  for (const item of items) {
    const obj = item as Record<string, unknown>;
    const tag = Object.keys(obj).find((k) => k !== ':@');
    if (!tag || tag === '#text' || tag.startsWith('?') || tag.startsWith('!') || tag === '#comment') continue;
    const meta = obj[META] as { startIndex?: number; endIndex?: number } | undefined;
    const rawAttrs = (obj[':@'] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = dict();
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = v === true ? 'true' : String(v);
    const colon = tag.indexOf(':');
    out.push({
      tag,
      local: (colon >= 0 ? tag.slice(colon + 1) : tag).toLowerCase(),
      prefix: colon >= 0 ? tag.slice(0, colon) : '',
      attrs,
      children: Array.isArray(obj[tag]) ? convertAll(obj[tag] as unknown[]) : [],
      start: meta?.startIndex ?? 0,
      end: meta?.endIndex ?? 0,
    });
  }
  return out;
}

/** Standard (unprefixed) children with the given local name. */
export function kids(node: XNode, local: string): XNode[] {
  return node.children.filter((c) => c.prefix === '' && c.local === local);
}

export function kid(node: XNode, local: string): XNode | undefined {
  return node.children.find((c) => c.prefix === '' && c.local === local);
}

/** Attribute by name, case-insensitively; `name` may include a prefix (`isee:foo`). */
export function attr(node: XNode, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(node.attrs)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The element's text content, decoded, with source offsets (markup inside is skipped). */
export function textOf(doc: XmlDoc, node: XNode): SourceText {
  const src = doc.source;
  const open = tagEnd(src, node.start);
  if (open < 0 || src[open - 1] === '/') return { text: '', offsets: [open + 1] };
  const close = src.lastIndexOf('</', node.end - 1);
  const text: string[] = [];
  const offsets: number[] = [];
  let i = open + 1;
  while (i < close) {
    if (src.startsWith('<![CDATA[', i)) {
      const stop = src.indexOf(']]>', i);
      for (let k = i + 9; k < stop; k++) { text.push(src[k]); offsets.push(k); }
      i = stop + 3;
    } else if (src.startsWith('<!--', i)) {
      i = src.indexOf('-->', i) + 3;
    } else if (src[i] === '<') {
      i = tagEnd(src, i) + 1;
    } else if (src[i] === '&') {
      const semi = src.indexOf(';', i);
      const decoded = semi > i ? decodeEntity(src.slice(i + 1, semi)) : undefined;
      if (decoded === undefined) { text.push('&'); offsets.push(i); i++; continue; }
      text.push(decoded);
      for (let u = 0; u < decoded.length; u++) offsets.push(i);
      i = semi + 1;
    } else {
      text.push(src[i]); offsets.push(i);
      i++;
    }
  }
  offsets.push(Math.max(close, open + 1));
  return { text: text.join(''), offsets };
}

/** Trimmed plain text of an element (for numbers, names, docs). */
export function plainText(doc: XmlDoc, node: XNode | undefined): string {
  return node ? textOf(doc, node).text.trim() : '';
}

/** 1-based line and column of a source offset. */
export function position(doc: XmlDoc, offset: number): { line: number; column: number } {
  const starts = doc.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Location fields for a diagnostic about `node`. */
export function locOf(doc: XmlDoc, node: XNode): Partial<Diagnostic> {
  return { file: doc.file, ...position(doc, node.start) };
}

function tagEnd(src: string, from: number): number {
  let quote = '';
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (quote) { if (ch === quote) quote = ''; } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntity(name: string): string | undefined {
  if (NAMED[name] !== undefined) return NAMED[name];
  const m = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name);
  if (!m) return undefined;
  const code = m[1][0].toLowerCase() === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function computeLineStarts(src: string): number[] {
  const starts = [0];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\n') starts.push(i + 1);
    else if (src[i] === '\r' && src[i + 1] !== '\n') starts.push(i + 1);
  }
  return starts;
}

function lineText(src: string, starts: readonly number[], line: number): string {
  if (line < 1 || line > starts.length) return '';
  return src.slice(starts[line - 1], line < starts.length ? starts[line] : src.length).replace(/[\r\n]+$/, '');
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
