// Moving a data source up or down the list, pure. The list is the dedup ranking (dedup.md): priority
// high first, ties broken by device id. A move changes as few priorities as it can, ideally only the
// moved device's, because every changed priority makes the pipeline recompute that device's history.
import { PRIORITY_RANGE } from '@/lib/devices/device-types';

export type Ranked = { id: string; priority: number };
export type PriorityChange = { id: string; priority: number };

/** Negative when `a` ranks higher: priority desc, then id asc (as the pipeline compares device ids). */
export function compareRank(a: Ranked, b: Ranked): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function rankDevices<T extends Ranked>(devices: readonly T[]): T[] {
  return [...devices].sort(compareRank);
}

/** The priority changes that move `id` one place `direction` in the ranking; [] when it cannot move. */
export function planMove(devices: readonly Ranked[], id: string, direction: 'up' | 'down'): PriorityChange[] {
  const ranked = rankDevices(devices);
  const index = ranked.findIndex((d) => d.id === id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ranked.length) return [];
  // Swapping two neighbours is the same as moving the other one the other way: try the moved device
  // first, then its neighbour, before renumbering.
  const desired = ranked.map((d) => d);
  [desired[index], desired[target]] = [desired[target]!, desired[index]!];
  for (const position of [target, index]) {
    const device = desired[position]!;
    const priority = priorityBetween(device.id, desired[position - 1], desired[position + 1]);
    if (priority !== null) return [{ id: device.id, priority }];
  }
  return renumber(desired);
}

/** A priority ranking `id` below `above` and over `below`, roomy when possible; null if none exists. */
function priorityBetween(id: string, above: Ranked | undefined, below: Ranked | undefined): number | null {
  const { min, max } = PRIORITY_RANGE;
  const fits = (p: number) =>
    p >= min && p <= max && (!above || compareRank(above, { id, priority: p }) < 0) && (!below || compareRank({ id, priority: p }, below) < 0);
  const candidates: number[] = [];
  if (above && below) candidates.push(Math.floor((above.priority + below.priority) / 2));
  else if (below) candidates.push(Math.min(max, below.priority + 10), below.priority + 1);
  else if (above) candidates.push(Math.max(min, above.priority - 10), above.priority - 1);
  if (below) candidates.push(below.priority);
  if (above) candidates.push(above.priority);
  return candidates.find(fits) ?? null;
}

/**
 * No room between the neighbours (e.g. priorities 40 and 41): keep every priority that already falls in
 * line and lower the others just below the device above them; spread the whole list if that runs out
 * of range.
 */
function renumber(order: readonly Ranked[]): PriorityChange[] {
  const { min, max } = PRIORITY_RANGE;
  const next: number[] = [];
  let ok = true;
  order.forEach((d, i) => {
    const prev = i === 0 ? Infinity : next[i - 1]!;
    const p = d.priority < prev ? d.priority : prev - 1;
    if (p < min) ok = false;
    next.push(p);
  });
  if (!ok) {
    const step = order.length > 1 ? Math.floor((max - min) / (order.length - 1)) : 0;
    order.forEach((_, i) => (next[i] = max - i * step));
  }
  return order.flatMap((d, i) => (next[i] === d.priority ? [] : [{ id: d.id, priority: next[i]! }]));
}

/** The ranking after applying `changes`. */
export function applyChanges<T extends Ranked>(devices: readonly T[], changes: readonly PriorityChange[]): T[] {
  const byId = new Map(changes.map((c) => [c.id, c.priority]));
  return rankDevices(devices.map((d) => (byId.has(d.id) ? { ...d, priority: byId.get(d.id)! } : d)));
}
