// Object keys become file paths and URL paths: only plain relative segments, so no key can climb out
// of the archive directory or bucket ('..', absolute paths, backslashes, empty segments).
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function checkObjectKey(key: string): string[] {
  const segments = key.split('/');
  if (key.length > 512 || !segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) {
    throw new Error(`invalid object key '${key}'`);
  }
  return segments;
}

/** Key of one user's archived month: samples/<userId>/<YYYY-MM>.parquet. */
export function sampleArchiveKey(userId: string, monthKey: string): string {
  const key = `samples/${userId}/${monthKey}.parquet`;
  checkObjectKey(key);
  return key;
}
