// Small array helpers for the sweeps. Plain loops on purpose: typed-array `from` with a mapping
// function and `Array.from({ length })` are several times slower at a million elements.

/** Indices 0..n−1 ordered by `keys` ascending, ties by index (so by rank when indices are ranks). */
export function indicesSortedBy(keys: Float64Array): number[] {
  const order: number[] = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i += 1) order[i] = i;
  return order.sort((a, b) => keys[a] - keys[b] || a - b);
}

/** keys[order[i]] for every i. */
export function gather(keys: Float64Array, order: readonly number[]): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i += 1) out[i] = keys[order[i]];
  return out;
}

/** position[order[i]] = i: where each index landed. */
export function inversePermutation(order: readonly number[]): Int32Array {
  const position = new Int32Array(order.length);
  for (let i = 0; i < order.length; i += 1) position[order[i]] = i;
  return position;
}

/** First index in sorted `values[from, to)` whose value is ≥ `target` (or > it when `strict`). */
export function lowerBound(values: Float64Array, target: number, strict = false, from = 0, to = values.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const v = values[mid];
    if (v < target || (strict && v === target)) low = mid + 1;
    else high = mid;
  }
  return low;
}
