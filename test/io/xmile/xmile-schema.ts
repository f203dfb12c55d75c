/**
 * An independent structural check of XMILE 1.0 files, for the interop tests: the content
 * models of the OASIS XMILE 1.0 schema (OASIS Standard, 14 Dec 2015, schemas/xmile.xsd) for
 * the model part of a file, written out here as a table, plus the prose rules the schema
 * cannot say (spec §2.2: header needs <vendor> and <product version>; §3.1.4/§4.1.3: a <gf>
 * has <ypts> and either <xscale> or <xpts>, same lengths; §3.2.2.1: identifiers; §3.3.1:
 * operators). Elements and attributes in a vendor namespace (§2.3: other tools ignore them)
 * are skipped, which is what a validator of the closed 1.0 schema sees once they are removed.
 * Parsing uses fast-xml-parser directly, not our reader.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const XMILE_NS = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';

interface Rule {
  /** Allowed children (local names in the XMILE namespace), with the most times each may occur. */
  readonly kids: Readonly<Record<string, number>>;
  readonly required?: readonly string[];
  readonly attrs: readonly string[];
  readonly requiredAttrs?: readonly string[];
  /** The element holds text (no child elements). */
  readonly text?: boolean;
}

const MANY = Infinity;
const COMMON_VAR = { eqn: 1, mathml: 1, units: 1, doc: 1, gf: 1, dimensions: 1, event_poster: 1, scale: 1, range: 1, format: 1, element: MANY };
const VAR_ATTRS = ['name', 'access', 'autoexport', 'subscript'];
const TEXT: Rule = { kids: {}, attrs: [], text: true };
const MIN_MAX: Rule = { kids: {}, attrs: ['min', 'max'] };
const EMPTY: Rule = { kids: {}, attrs: [] };

/** Rules by context path suffix: `parent/child` first, then `child`. */
const RULES: Readonly<Record<string, Rule>> = {
  xmile: {
    kids: { header: 1, sim_specs: 1, model_units: 1, behavior: 1, data: 1, style: 1, macro: MANY, model: MANY, dimensions: 1 },
    required: ['header', 'model'], attrs: ['version'], requiredAttrs: ['version'],
  },
  header: {
    kids: { vendor: 1, name: 1, version: 1, caption: 1, author: 1, affiliation: 1, client: 1, copyright: 1, created: 1, modified: 1, uuid: 1, image: 1, options: 1, product: 1, contact: 1, includes: 1 },
    required: ['vendor', 'product'], attrs: [],
  },
  'header/vendor': TEXT, 'header/name': TEXT, 'header/version': TEXT, 'header/caption': TEXT, 'header/author': TEXT,
  'header/copyright': TEXT,
  'header/product': { kids: {}, attrs: ['version', 'lang'], requiredAttrs: ['version'], text: true },
  options: {
    kids: { uses_conveyor: 1, uses_queue: 1, uses_submodels: 1, uses_macros: 1, uses_event_posters: 1, has_model_view: 1, uses_outputs: 1, uses_inputs: 1, uses_annotation: 1, uses_arrays: 1 },
    attrs: ['namespace'],
  },
  uses_arrays: { kids: {}, attrs: ['max_dimensions', 'invalid_index_value'], requiredAttrs: ['max_dimensions'] },
  sim_specs: { kids: { stop: 1, start: 1, dt: 1, run: 1 }, required: ['start', 'stop'], attrs: ['time_units', 'method', 'pause'] },
  'sim_specs/start': TEXT, 'sim_specs/stop': TEXT,
  'sim_specs/dt': { kids: {}, attrs: ['reciprocal'], text: true },
  // §3.1.3 (xsd: model_units_type, unit_type): each unit has a name, an optional equation and aliases.
  model_units: { kids: { unit: MANY }, attrs: [] },
  'model_units/unit': { kids: { eqn: 1, alias: MANY }, attrs: ['name', 'disabled'], requiredAttrs: ['name'] },
  'unit/eqn': TEXT, 'unit/alias': TEXT,
  'xmile/dimensions': { kids: { dim: MANY }, attrs: [] },
  'xmile/dimensions/dim': { kids: { elem: MANY }, attrs: ['name', 'size'], requiredAttrs: ['name'] },
  elem: { kids: {}, attrs: ['name'], requiredAttrs: ['name'] },
  model: { kids: { sim_specs: 1, behavior: 1, variables: 1, views: 1 }, required: ['variables'], attrs: ['name', 'resource', 'run', 'password'] },
  variables: { kids: { stock: MANY, flow: MANY, aux: MANY, gf: MANY, group: MANY, module: MANY }, attrs: [] },
  // §4.8 (xsd: group_type): a group names its members with <entity>; our writer's sectors.
  group: { kids: { doc: 1, entity: MANY, display: 1 }, attrs: ['name', 'run'], requiredAttrs: ['name'] },
  entity: { kids: {}, attrs: ['name', 'run'], requiredAttrs: ['name'] },
  stock: { kids: { ...COMMON_VAR, inflow: MANY, outflow: MANY, queue: 1, non_negative: 1, conveyor: 1 }, attrs: VAR_ATTRS },
  flow: { kids: { ...COMMON_VAR, multiplier: 1, non_negative: 1, overflow: 1, leak: 1, leak_integers: 1 }, attrs: [...VAR_ATTRS, 'leak_start', 'leak_end'] },
  aux: { kids: COMMON_VAR, attrs: [...VAR_ATTRS, 'flow_concept'] },
  'stock/element': { kids: { eqn: 1, mathml: 1, gf: 1, event_poster: 1, inflow: MANY, outflow: MANY, queue: 1, non_negative: 1, conveyor: 1 }, attrs: ['subscript'], requiredAttrs: ['subscript'] },
  'flow/element': { kids: { eqn: 1, mathml: 1, gf: 1, event_poster: 1, multiplier: 1, non_negative: 1, overflow: 1, leak: 1, leak_integers: 1 }, attrs: ['subscript'], requiredAttrs: ['subscript'] },
  'aux/element': { kids: { eqn: 1, mathml: 1, gf: 1, event_poster: 1 }, attrs: ['subscript'], requiredAttrs: ['subscript'] },
  eqn: TEXT, units: TEXT, doc: TEXT, inflow: TEXT, outflow: TEXT, non_negative: TEXT, queue: EMPTY,
  dimensions: { kids: { dim: MANY }, attrs: [] },
  'dimensions/dim': { kids: {}, attrs: ['name'], requiredAttrs: ['name'] },
  gf: { kids: { xscale: 1, yscale: 1, xpts: 1, ypts: 1 }, required: ['ypts'], attrs: ['name', 'type'] },
  xscale: MIN_MAX, yscale: MIN_MAX, scale: { kids: {}, attrs: ['min', 'max', 'auto', 'group'] }, range: MIN_MAX,
  xpts: { kids: {}, attrs: ['sep'], text: true }, ypts: { kids: {}, attrs: ['sep'], text: true },
  behavior: { kids: { non_negative: 1, stock: 1, flow: 1 }, attrs: [] },
  // §4.2.1 (xsd: conveyor_type): the transit time and its options; leakage flows are marked on the flow.
  conveyor: { kids: { len: 1, capacity: 1, in_limit: 1, sample: 1, arrest: 1 }, required: ['len'], attrs: ['discrete', 'batch_integrity', 'one_at_a_time', 'exponential_leak'] },
  'conveyor/len': TEXT, 'conveyor/capacity': TEXT, 'conveyor/in_limit': TEXT, 'conveyor/sample': TEXT, 'conveyor/arrest': TEXT,
  leak: TEXT, leak_integers: EMPTY,
  uses_conveyor: { kids: {}, attrs: ['arrest', 'leak'] },
};

type Node = Record<string, unknown>;

/** Every way the text breaks the rules above; empty when it follows them. */
export function xmileProblems(text: string): string[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`];
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false });
  const top = (parser.parse(text) as Node[]).filter((n) => !('?xml' in n));
  const problems: string[] = [];
  if (top.length !== 1 || !('xmile' in top[0])) return ['the root element is not <xmile>'];
  const rootAttrs = (top[0][':@'] ?? {}) as Record<string, string>;
  if (rootAttrs.xmlns !== XMILE_NS) problems.push(`<xmile> is not in the XMILE 1.0 namespace: xmlns="${rootAttrs.xmlns ?? ''}"`);
  if (rootAttrs.version !== '1.0') problems.push(`<xmile version="${rootAttrs.version ?? ''}">, not 1.0`);
  const vendors = new Set(Object.entries(rootAttrs).filter(([k, v]) => k.startsWith('xmlns:') && v !== XMILE_NS).map(([k]) => k.slice(6)));
  check(top[0], 'xmile', [], vendors, problems);
  return problems;
}

function check(node: Node, tag: string, path: readonly string[], vendors: ReadonlySet<string>, problems: string[]): void {
  const here = [...path, tag];
  const where = here.join('/') + (typeof attrsOf(node).name === 'string' ? `[${attrsOf(node).name}]` : '');
  const rule = ruleFor(here);
  if (!rule) { problems.push(`${where}: <${tag}> is not an XMILE 1.0 element here`); return; }
  const attrs = attrsOf(node);
  for (const a of Object.keys(attrs)) {
    if (a === 'xmlns' || a.startsWith('xmlns:')) continue;
    const prefix = a.includes(':') ? a.slice(0, a.indexOf(':')) : '';
    if (prefix) { if (!vendors.has(prefix)) problems.push(`${where}: attribute ${a} has an undeclared prefix`); continue; }
    if (!rule.attrs.includes(a)) problems.push(`${where}: attribute '${a}' is not allowed on <${tag}>`);
  }
  for (const a of rule.requiredAttrs ?? []) if (attrs[a] === undefined) problems.push(`${where}: <${tag}> needs the attribute '${a}'`);
  const counts = new Map<string, number>();
  for (const child of (node[tag] as Node[]) ?? []) {
    const name = Object.keys(child).find((k) => k !== ':@')!;
    if (name === '#text') {
      if (!rule.text && String(child['#text']).trim() !== '') problems.push(`${where}: text is not allowed in <${tag}>`);
      continue;
    }
    if (name === '#comment') continue;
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
    if (prefix) { if (!vendors.has(prefix)) problems.push(`${where}: <${name}> has an undeclared prefix`); continue; }
    if (rule.text) { problems.push(`${where}: <${tag}> holds text, not <${name}>`); continue; }
    if (!(name in rule.kids)) { problems.push(`${where}: <${name}> is not allowed in <${tag}>`); continue; }
    counts.set(name, (counts.get(name) ?? 0) + 1);
    check(child, name, here, vendors, problems);
  }
  for (const [k, n] of counts) if (n > rule.kids[k]) problems.push(`${where}: <${k}> appears ${n} times in <${tag}>, at most ${rule.kids[k]} allowed`);
  for (const k of rule.required ?? []) if (!counts.has(k)) problems.push(`${where}: <${tag}> needs <${k}>`);
  if (tag === 'model' && path.length === 1) modelOrder(node, where, problems);
  if (tag === 'gf') gfRules(node, where, problems);
  if (tag === 'eqn' || path[path.length - 1] === 'conveyor') problems.push(...equationProblems(textOf(node, tag)).map((p) => `${where}: ${p}`));
  if ((tag === 'start' || tag === 'stop' || tag === 'dt') && !Number.isFinite(Number(textOf(node, tag).trim()))) {
    problems.push(`${where}: <${tag}> is not a number`);
  }
}

function ruleFor(path: readonly string[]): Rule | undefined {
  for (let k = Math.min(3, path.length); k >= 1; k--) {
    const r = RULES[path.slice(-k).join('/')];
    if (r) return r;
  }
  return undefined;
}

function attrsOf(node: Node): Record<string, string> {
  return (node[':@'] ?? {}) as Record<string, string>;
}

function kidsOf(node: Node, tag: string): Node[] {
  return ((node[tag] as Node[]) ?? []).filter((c) => !('#text' in c) && !('#comment' in c));
}

function textOf(node: Node, tag: string): string {
  return ((node[tag] as Node[]) ?? []).map((c) => ('#text' in c ? String(c['#text']) : '')).join('');
}

/** `<model>` is a sequence: sim_specs?, behavior?, variables, views?. */
function modelOrder(node: Node, where: string, problems: string[]): void {
  const order = ['sim_specs', 'behavior', 'variables', 'views'];
  const seen = kidsOf(node, 'model').map((c) => Object.keys(c).find((k) => k !== ':@')!).filter((k) => order.includes(k));
  for (let i = 1; i < seen.length; i++) {
    if (order.indexOf(seen[i]) < order.indexOf(seen[i - 1])) problems.push(`${where}: <${seen[i]}> comes after <${seen[i - 1]}>`);
  }
}

function gfRules(node: Node, where: string, problems: string[]): void {
  const kids = kidsOf(node, 'gf');
  const get = (k: string) => kids.find((c) => k in c);
  const type = attrsOf(node).type;
  if (type !== undefined && !['continuous', 'extrapolate', 'discrete'].includes(type)) problems.push(`${where}: <gf type="${type}">`);
  const xscale = get('xscale');
  const xpts = get('xpts');
  const ypts = get('ypts');
  if (xscale && xpts) problems.push(`${where}: <gf> has both <xscale> and <xpts> (over-specified)`);
  if (!xscale && !xpts) problems.push(`${where}: <gf> has neither <xscale> nor <xpts>`);
  const nums = (n: Node | undefined, k: string) => {
    if (!n) return undefined;
    const sep = attrsOf(n).sep ?? ',';
    return textOf(n, k).split(sep).map((s) => s.trim());
  };
  const ys = nums(ypts, 'ypts');
  const xs = nums(xpts, 'xpts');
  for (const [k, list] of [['ypts', ys], ['xpts', xs]] as const) {
    if (list && list.some((s) => s === '' || !Number.isFinite(Number(s)))) problems.push(`${where}: <${k}> is not a list of numbers`);
  }
  if (xs && ys && xs.length !== ys.length) problems.push(`${where}: <xpts> has ${xs.length} points, <ypts> ${ys.length}`);
  if (xs && xs.some((x, i) => i > 0 && !(Number(x) > Number(xs[i - 1])))) problems.push(`${where}: <xpts> do not increase`);
  for (const k of ['xscale', 'yscale']) {
    const s = get(k);
    if (s) for (const a of ['min', 'max']) if (!Number.isFinite(Number(attrsOf(s)[a]))) problems.push(`${where}: <${k} ${a}> is not a number`);
  }
}

/**
 * Lexical rules of XMILE expressions (§3.2.1 numbers, §3.2.2.1 identifiers, §3.3.1
 * operators): catches native spellings that are not XMILE (`==`, `!=`, `&&`, `?:`, `**`),
 * bare identifiers that start or end with `_`, and quoted names with escapes other than
 * `\"`, `\n` and `\\`. Qualified names (`std.MIN`, a vendor's `stockflow.f`) are allowed.
 */
export function equationProblems(eqn: string): string[] {
  const out: string[] = [];
  const token = /\s+|\{[^}]*\}|"((?:[^"\\]|\\.)*)"|(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|([\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*)|(<=|>=|<>|[-+*/^(),<>=[\]:])|(.)/uy;
  let m: RegExpExecArray | null;
  while (token.lastIndex < eqn.length && (m = token.exec(eqn))) {
    if (m[1] !== undefined && m[1].replace(/\\["n\\]/g, '').includes('\\')) out.push(`quoted name "${m[1]}" has an escape other than \\" \\n \\\\`);
    if (m[3] !== undefined) {
      for (const part of m[3].split('.')) if (/^_|_$/.test(part)) out.push(`identifier '${m[3]}' starts or ends with '_' (§3.2.2.1): quote it`);
    }
    if (m[5] !== undefined) { out.push(`'${m[5]}' at character ${m.index + 1} is not XMILE`); break; }
  }
  for (const bad of ['==', '!=', '&&', '||', '**']) if (eqn.replace(/"(?:[^"\\]|\\.)*"/g, '').includes(bad)) out.push(`operator '${bad}' is not XMILE`);
  return out;
}
