// @pulse/sync-client: no Node-only imports here (browsers, React Native, Node); the Node file store is
// in "@pulse/sync-client/node".
export { SyncClient, type SyncClientOptions, type SyncErrorEvent, type SyncEvents, type SyncRequest, type SyncResult, type SyncTarget, type SyncTransport } from './client.js';
export { SyncError, type SyncErrorKind } from './errors.js';
export { generateKey, importKey, open, seal } from './cipher.js';
export { batchBody, canonicalJson, idempotencyKey, MAX_BATCH } from './batch.js';
export { openIndexedDbStore } from './idb-store.js';
export type { ProgressEvent, QueueItem, SampleRejection, SampleStore, StoredRecord, SyncSample } from './types.js';
