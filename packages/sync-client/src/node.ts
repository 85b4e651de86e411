// Node entry: everything of the main entry plus the SQLite file store and the node:crypto cipher.
export * from './index.ts';
export { openFileStore } from './file-store.ts';
export { importNodeKey } from './node-cipher.ts';
