/**
 * Variable names. Names are written as in Vensim/Stella ("Teacup Temperature") and compare
 * case- and space-insensitively as XMILE 1.0 §3.2.2 prescribes: spaces, underscores and
 * line breaks are the same character, and letter case does not matter.
 * The canonical id is the form used everywhere inside the engine.
 */

/** Names already made canonical; bounded, so a long-lived process does not grow without end. */
const canonical = new Map<string, string>();
const CANONICAL_CACHE = 100_000;

/** The canonical id of a written name. */
export function canonicalName(name: string): string {
  let id = canonical.get(name);
  if (id === undefined) {
    id = name
      .normalize('NFC')
      .trim()
      .toLowerCase()
      .replace(/\\n/g, ' ')
      // XMILE 1.0 §3.2.2.2: space, no-break space, newline and underscore are whitespace (control
      // characters may be read as spaces); other Unicode spaces such as U+2002 are not.
      .replace(/[ \t\n\r\f\v\u00a0_]+/g, '_');
    // Readers ask for the same few names again and again (once per element, per reference).
    if (name.length > 256) return id;
    if (canonical.size >= CANONICAL_CACHE) canonical.clear();
    canonical.set(name, id);
  }
  return id;
}

/** True when `name` can be written bare in an equation (otherwise it must be quoted). */
export function isPlainIdentifier(name: string): boolean {
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name.trim().replace(/\s+/g, '_'));
}

/** How to refer to `name` in a native equation: underscores, or double quotes if needed. */
export function equationReference(name: string): string {
  const underscored = name.trim().replace(/\s+/g, '_');
  return isPlainIdentifier(underscored) ? underscored : JSON.stringify(name);
}

/** Levenshtein distance, used for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/**
 * The hint for a name the model does not define: "did you mean 'X'?" with the closest of
 * `names` (compared as canonical names, shown as written), then `otherwise` when given.
 */
export function nameHint(name: string, names: readonly string[], otherwise = ''): string {
  const ids = names.map(canonicalName);
  const guess = didYouMean(canonicalName(name), ids);
  const near = guess === undefined ? '' : `did you mean '${names[ids.indexOf(guess)]}'?`;
  return near && otherwise ? `${near} ${otherwise}` : near || otherwise;
}

/** The closest candidate within a small edit distance, or undefined. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDist && d <= limit) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}
