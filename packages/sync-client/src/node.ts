// Node entry: everything of the main entry plus the SQLite file store.
export * from './index.ts';
export { openFileStore } from './file-store.ts';
