// @pulse/sync-client: no Node-only imports here (browsers, React Native, Node); the Node file store is
// in "@pulse/sync-client/node".
export { SyncClient, type SyncClientOptions, type SyncErrorEvent, type SyncEvents, type SyncRequest, type SyncResult, type SyncTarget, type SyncTransport } from './client.ts';
export { SyncError, type SyncErrorKind } from './errors.ts';
export { generateKey, importKey, open, seal, type RecordCipher } from './cipher.ts';
export { batchBody, canonicalJson, idempotencyKey, MAX_BATCH } from './batch.ts';
export { openIndexedDbStore } from './idb-store.ts';
export type { ProgressEvent, QueueItem, SampleRejection, SampleStore, StoredRecord, SyncSample } from './types.ts';
