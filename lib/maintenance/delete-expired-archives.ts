// Archived months are raw samples too: past the raw retention they leave the object store as well.
import { pool } from '../db/client';
import { sampleArchiveKey } from './object-key';
import type { ObjectStore } from './object-store';

/** Deletes the files and rows of archived months that end at or before `cutoff`; returns how many. */
export async function deleteExpiredArchives(cutoff: Date, store: ObjectStore): Promise<number> {
  const { rows } = await pool().query<{ id: string; user_id: string; month: string }>(
    `SELECT id, user_id, to_char(month, 'YYYY-MM') AS month FROM archives
     WHERE month + interval '1 month' <= ($1::timestamptz AT TIME ZONE 'UTC')`,
    [cutoff],
  );
  let deleted = 0;
  for (const row of rows) {
    // File first: if the row went first and the delete then failed, nothing would point at the file.
    await store.delete(sampleArchiveKey(row.user_id, row.month));
    await pool().query('DELETE FROM archives WHERE id = $1', [row.id]);
    deleted += 1;
  }
  return deleted;
}
