/**
 * Reads native model files (YAML or JSON text) with line and column positions for every
 * diagnostic. Duplicate keys, malformed YAML and non-mapping documents are diagnostics.
 */
import { isMap, visit } from 'yaml';
import { error } from '../core/diagnostics.js';
import { modelFromNative, type Lowered } from '../model/native.js';
import { quickLoad } from './fast-yaml.js';
import { firstLine, lazyLocator, locator, MAX_ALIAS_COUNT, parsePositioned } from './located.js';
import { duplicateKeys } from './yaml-tree.js';

export function readNative(text: string, file?: string): Lowered {
  const quick = quickLoad(text);
  if (quick !== null && typeof quick === 'object' && !Array.isArray(quick)) return modelFromNative(quick, file, lazyLocator(text));
  // uniqueKeys: false, since yaml's own check is quadratic; duplicateKeys is the linear one.
  const { doc, at } = parsePositioned(text, false);
  const problems = [
    ...doc.errors.map((e) => ({ offset: e.pos[0], diagnostic: error('syntax-error', firstLine(e.message), { file, ...at(e.pos[0]), hint: 'fix the YAML/JSON syntax at this position' }) })),
    ...(doc.errors.length ? [] : duplicateKeys(doc)).map((d) => ({ offset: d.offset, diagnostic: error('duplicate-name', d.message, { file, ...at(d.offset), hint: 'each element needs its own name' }) })),
  ];
  if (problems.length) return { diagnostics: problems.sort((a, b) => a.offset - b.offset).map((p) => p.diagnostic) };
  if (!isMap(doc.contents)) {
    return { diagnostics: [error('schema', 'a model file must contain a mapping with sim, stocks, flows …', { file, hint: 'see docs/model-format.md' })] };
  }
  const locate = locator(doc, at);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount (a "billion laughs" file).
    if (!(e instanceof ReferenceError)) throw e;
    let first: number | undefined;
    visit(doc, { Alias: (_, node) => { first = node.range?.[0]; return visit.BREAK; } });
    return { diagnostics: [error('alias-bomb', `YAML aliases expand past ${MAX_ALIAS_COUNT} copies per anchor: ${firstLine(e.message)}`, { file, ...at(first), hint: 'write the repeated parts out, or use fewer nested aliases' })] };
  }
  return modelFromNative(data, file, locate);
}
