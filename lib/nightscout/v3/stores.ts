// Which storage holds each API v3 collection: entries are our glucose samples; the others are
// Nightscout documents.
import type { CollectionName } from './collections';
import { documentsStore } from './documents-store';
import { entriesStore } from './entries-store';
import type { CollectionStore } from './store';

const stores = new Map<CollectionName, CollectionStore>();

export function storeOf(collection: CollectionName): CollectionStore {
  let store = stores.get(collection);
  if (!store) {
    store = collection === 'entries' ? entriesStore : documentsStore(collection);
    stores.set(collection, store);
  }
  return store;
}
