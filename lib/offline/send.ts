// Online first, queued when that fails: an entry or a dose log is posted at once with its Idempotency-Key;
// when the browser is offline, the request fails on the way, or the server is busy or down, the same item
// (same key, same body) goes to the offline queue, so a request that did reach the server is not stored
// twice when the queue sends it again. A refusal (4xx) is thrown as the API's error, as before.
import { answerOf } from '@/lib/query/api';
import { isRetryable, request, type QueuedItem } from './items';
import type { OfflineQueue } from './queue';

export type Sent<T> = { kind: 'sent'; answer: T } | { kind: 'queued' };

export async function sendOrQueue<T>(queue: OfflineQueue, item: QueuedItem): Promise<Sent<T>> {
  if (navigator.onLine) {
    const res = await request(item).catch(() => null); // null: the network failed on the way, or the answer was lost
    if (res && !isRetryable(res.status)) return { kind: 'sent', answer: await answerOf<T>(res) };
  }
  await queue.enqueue(item);
  return { kind: 'queued' };
}
