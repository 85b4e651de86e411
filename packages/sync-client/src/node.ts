// Node entry: everything of the main entry plus the SQLite file store.
export * from './index.js';
export { openFileStore } from './file-store.js';
