/**
 * YAML or JSON text parsed with a locator: every diagnostic about a value can then name the
 * line and column of that value (or of its key). Duplicate keys and syntax errors are
 * diagnostics; a document that is not a mapping is left for the caller to judge.
 */
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { pathFinder } from './yaml-tree.js';
import { error, type Diagnostic } from '../core/diagnostics.js';

/** Line and column of the value at a path of keys and indices (or of the nearest parent). */
export type Locate = (segments: readonly string[]) => Partial<Diagnostic>;

export interface Located {
  readonly value?: unknown;
  /** True when the document's top level is a mapping. */
  readonly isMapping: boolean;
  readonly locate: Locate;
  readonly diagnostics: Diagnostic[];
}

/** The most times one anchor's content may be copied by aliases (yaml's own guard against alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/** A parsed document and a function from a text offset to its line and column. */
export function parsePositioned(text: string, uniqueKeys: boolean): { doc: Document.Parsed; at: (offset: number | undefined) => Partial<Diagnostic> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys, prettyErrors: false, strict: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return { doc, at };
}

export function parseLocated(text: string, file?: string): Located {
  const { doc, at } = parsePositioned(text, true);
  const locate = locator(doc, at);
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'DUPLICATE_KEY')];
  if (problems.length) {
    const diagnostics = problems.map((e) => error(e.code === 'DUPLICATE_KEY' ? 'duplicate-name' : 'syntax-error', firstLine(e.message), {
      file, ...at(e.pos[0]), hint: e.code === 'DUPLICATE_KEY' ? 'each element needs its own name' : 'fix the YAML/JSON syntax at this position',
    }));
    return { isMapping: false, locate, diagnostics };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), isMapping: isMap(doc.contents), locate, diagnostics: [] };
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e; // yaml's guard against alias bombs
    return { isMapping: false, locate, diagnostics: [error('alias-bomb', `YAML aliases expand too far: ${firstLine(e.message)}`, { file, hint: 'write the repeated parts out' })] };
  }
}

/**
 * Line and column of the value at a path (or of its key, or of the nearest parent that has one).
 * Each mapping is indexed once (pathFinder), so locating is linear in the model's size.
 */
export function locator(doc: Document.Parsed, at: (offset: number | undefined) => Partial<Diagnostic>): Locate {
  const find = pathFinder(doc);
  return (segments) => {
    for (let n = segments.length; n >= 0; n--) {
      const { node, key } = find(segments.slice(0, n));
      if (node?.range) return at(node.range[0]);
      if (key?.range) return at(key.range[0]);
    }
    return {};
  };
}

/**
 * A locator that parses the text with positions only on its first use: a model read by the
 * quick path (fast-yaml.ts) pays for positions only when a diagnostic or origin needs one.
 */
export function lazyLocator(text: string): Locate {
  let locate: Locate | undefined;
  return (segments) => {
    if (!locate) {
      const { doc, at } = parsePositioned(text, false);
      locate = locator(doc, at);
    }
    return locate(segments);
  };
}

export function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
