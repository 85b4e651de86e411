// Where archived months live: a local directory by default, any S3-compatible store when configured.
import { env } from '../env';
import { localDirectoryStore } from './local-object-store';
import { s3ObjectStore } from './s3-object-store';

export type ObjectStore = {
  /** A URL naming where a key is stored (file:// or s3://), kept in archives.location for people. */
  locate(key: string): string;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; removing a missing object is not an error (retries stay idempotent). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
};

/**
 * The configured store. `dir` forces a local directory (tests and one-off tools use their own), since
 * env() is parsed once per process and cannot be pointed elsewhere afterwards.
 */
export function objectStore(options: { dir?: string } = {}): ObjectStore {
  if (options.dir !== undefined) return localDirectoryStore(options.dir);
  const { archive } = env();
  return archive.s3 ? s3ObjectStore(archive.s3) : localDirectoryStore(archive.dir);
}

export { localDirectoryStore, s3ObjectStore };
