/**
 * Median of `values[from..to)` by quickselect (Hoare partition, median-of-three pivot), in place:
 * the segment is reordered. Linear on average, so a million edge durations cost one pass each
 * instead of a sort. An even count gives the mean of the two middle values; an empty segment NaN.
 */
export function medianInPlace(values: Float64Array, from = 0, to = values.length): number {
  const count = to - from;
  if (count <= 0) return Number.NaN;
  const mid = from + (count >> 1);
  const upper = select(values, from, to - 1, mid);
  if (count & 1) return upper;
  // After selecting `mid`, everything left of it is ≤ values[mid]: the lower middle is their maximum.
  let lower = values[from] as number;
  for (let i = from + 1; i < mid; i++) {
    const v = values[i] as number;
    if (v > lower) lower = v;
  }
  return (lower + upper) / 2;
}

/** The k-th smallest of `a[lo..hi]` (inclusive), leaving it at index k with smaller ones to its left. */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    if (hi - lo < 16) {
      insertionSort(a, lo, hi);
      break;
    }
    const m = lo + ((hi - lo) >> 1);
    // Median of three keeps sorted and reversed inputs (frequent: timestamps) away from the worst case.
    if ((a[m] as number) < (a[lo] as number)) swap(a, m, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[hi] as number) < (a[m] as number)) swap(a, hi, m);
    const pivot = a[m] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // k lies between j and i: all equal to the pivot
  }
  return a[k] as number;
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= lo && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
