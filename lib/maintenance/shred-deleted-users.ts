// Crypto-shredding of deleted users, once the grace period of the retention policy has passed: their
// data keys are destroyed first (every ciphertext of theirs, in backups and archives too, is unreadable
// from then on), then their archived files and rows go. Kept: the audit log (ids, never health data)
// and the key tombstones in user_keys (the record that the keys were destroyed).
import { destroyUserKeys } from '../crypto/user-keys';
import { pool } from '../db/client';
import { sampleArchiveKey } from './object-key';
import type { ObjectStore } from './object-store';

// Tables holding a user's rows without a cascading foreign key to users (constant SQL text).
const OWNED: { table: string; column: string }[] = [
  { table: 'health_samples', column: 'user_id' },
  { table: 'health_aggregates', column: 'user_id' },
  { table: 'dirty_ranges', column: 'user_id' },
  { table: 'health_events', column: 'user_id' },
  { table: 'medication_logs', column: 'user_id' },
  { table: 'medications', column: 'user_id' },
  { table: 'insights', column: 'user_id' },
  { table: 'emergency_events', column: 'patient_id' },
  { table: 'notifications', column: 'patient_id' },
  { table: 'notifications', column: 'recipient_id' },
  { table: 'share_tokens', column: 'patient_id' },
  { table: 'share_tokens', column: 'recipient_user_id' },
  { table: 'job_runs', column: 'user_id' },
  { table: 'workflow_runs', column: "event_data->>'patientId'" }, // an emergency's escalation names its patient
];

async function deleteUserData(userId: string, store: ObjectStore): Promise<void> {
  const { rows } = await pool().query<{ month: string }>(`SELECT to_char(month, 'YYYY-MM') AS month FROM archives WHERE user_id = $1`, [userId]);
  for (const row of rows) await store.delete(sampleArchiveKey(userId, row.month));
  await pool().query('DELETE FROM archives WHERE user_id = $1', [userId]);
  for (const { table, column } of OWNED) await pool().query(`DELETE FROM ${table} WHERE ${column} = $1`, [userId]);
  await pool().query('DELETE FROM users WHERE id = $1', [userId]); // profile, devices, care links, … cascade
}

/** Shreds every user whose deletion was requested before `cutoff`; returns how many. */
export async function shredDeletedUsers(cutoff: Date, store: ObjectStore, now = new Date()): Promise<number> {
  const { rows } = await pool().query<{ id: string }>(
    'SELECT id::text FROM users WHERE deletion_requested_at IS NOT NULL AND deletion_requested_at < $1 ORDER BY id',
    [cutoff],
  );
  for (const { id } of rows) {
    await destroyUserKeys(id, now); // first: a crash after this leaves only unreadable ciphertexts behind
    await deleteUserData(id, store);
  }
  return rows.length;
}
