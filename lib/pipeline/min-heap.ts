// Binary min-heap of small integers (sample ranks: lower is better). Hand-rolled because the sweep
// pushes and pops once per sample and a generic comparator heap would dominate its cost.

export class RankHeap {
  private items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  /** Best (lowest) rank, or -1 when empty. */
  peek(): number {
    return this.items.length > 0 ? this.items[0] : -1;
  }

  push(rank: number): void {
    const items = this.items;
    let i = items.length;
    items.push(rank);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent] <= rank) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = rank;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as number;
    if (items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right] < items[left] ? right : left;
      if (items[child] >= last) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}
