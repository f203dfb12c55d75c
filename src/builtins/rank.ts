/**
 * XMILE 1.0 RANK (§3.7.1.3, "index of element of given rank in 1D array sorted in
 * ascending order OR flat index of element of given rank in N-D array"), over the
 * elements of an array that the readers have already expanded into a list.
 *
 * The standard leaves open what this does when it is not obvious; stockflow decides:
 * - ties in the values are broken by the secondary sort array when there is one (as the
 *   standard says), and any tie that remains by position: the earlier element ranks first
 *   (a stable sort, as Vensim VECTOR RANK does);
 * - a rank that is not a whole number is truncated towards −∞, like INT;
 * - a rank outside 1…n (zero, negative, too large, NaN) gives 0, the value XMILE 1.0
 *   §3.7.1 prescribes for an out-of-range array index; there is no descending variant;
 * - NaN ranks after every number, NaNs equal to each other, so every rank 1…n names
 *   exactly one element.
 */

/** 1-based position of the element of rank `rank` in `values` (ascending), or 0. */
export function rankIndex(rank: number, values: ArrayLike<number>, tiebreak?: ArrayLike<number>): number {
  const n = values.length;
  const k = Math.floor(rank);
  if (!(k >= 1 && k <= n)) return 0;
  // Counting is O(n²) but allocates nothing and stops at the element found.
  for (let i = 0; i < n; i++) {
    let before = 0;
    for (let j = 0; j < n; j++) if (j !== i && precedes(j, i, values, tiebreak)) before++;
    if (before === k - 1) return i + 1;
  }
  return 0;
}

function precedes(j: number, i: number, values: ArrayLike<number>, tiebreak: ArrayLike<number> | undefined): boolean {
  const c = compare(values[j], values[i]);
  if (c !== 0) return c < 0;
  if (tiebreak) {
    const d = compare(tiebreak[j], tiebreak[i]);
    if (d !== 0) return d < 0;
  }
  return j < i;
}

/** Ascending order with NaN after every number. */
function compare(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  const an = a !== a;
  const bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}
