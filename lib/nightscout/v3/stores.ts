// Which storage holds each API v3 collection: entries are our glucose samples; the others are
// Nightscout documents.
import type { CollectionName } from './collections';
import { V3Refusal } from './envelope';
import { entriesStore } from './entries-store';
import type { CollectionStore } from './store';

export function storeOf(collection: CollectionName): CollectionStore {
  if (collection === 'entries') return entriesStore;
  throw new V3Refusal(404, 'Bad operation or collection');
}
