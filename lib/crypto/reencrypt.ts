// Data key rotation for one user, resumable: a new key version becomes the one new values use, then the
// user's values are re-encrypted in batches, progress (a cursor per column) is kept in a job_runs row,
// and the older versions are retired only once every column is done. A crash resumes from the cursors.
// Values still in plaintext (written before encryption was deployed) are encrypted on the way, and the
// e-mail blind index is recomputed at the end (filling it for rows from before it existed).
import { pool, prisma } from '../db/client';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns';
import { ciphertextVersion, decryptField, encryptField } from './fields';
import { CACHE_TTL_MS, createUserKey, forgetUserKeys } from './user-keys';
import { reindexInvitations } from '../data/invitations';
import { reindexEmail } from '../data/user-email';

const FUNCTION_ID = 'keys/reencrypt';
type Progress = { version: number; cursors: Record<string, string | null>; done: string[]; reencrypted: number };

const columnKey = (c: EncryptedColumn) => `${c.table}.${c.column}`;

/** The unfinished run of this user, or a new one with a new key version. */
async function startOrResume(userId: string): Promise<{ runId: bigint; progress: Progress; keyCreatedAt: Date }> {
  const open = await prisma.jobRun.findFirst({ where: { functionId: FUNCTION_ID, userId, status: 'RUNNING' }, orderBy: { id: 'desc' } });
  if (open) {
    const progress = open.result as Progress;
    const key = await prisma.userKey.findUniqueOrThrow({ where: { userId_version: { userId, version: progress.version } } });
    return { runId: open.id, progress, keyCreatedAt: key.createdAt };
  }
  const latest = await prisma.userKey.findFirst({ where: { userId }, orderBy: { version: 'desc' }, select: { version: true } });
  const version = await createUserKey(userId, (latest?.version ?? 0) + 1);
  const progress: Progress = { version, cursors: {}, done: [], reencrypted: 0 };
  const run = await prisma.jobRun.create({ data: { functionId: FUNCTION_ID, userId, mode: 'in-process', result: progress } });
  const key = await prisma.userKey.findUniqueOrThrow({ where: { userId_version: { userId, version } } });
  return { runId: run.id, progress, keyCreatedAt: key.createdAt };
}

/** One batch of a column: re-encrypts values not yet on the target version; returns the last row id. */
async function reencryptBatch(userId: string, col: EncryptedColumn, version: number, after: string | null, size: number) {
  // Identifiers come from the fixed ENCRYPTED_COLUMNS list, never from input.
  const { rows } = await pool().query<{ id: string; row_id: string; value: string | null }>(
    `SELECT ${col.id}::text AS id, (${col.rowId ?? col.id})::text AS row_id, ${col.column} AS value FROM ${col.table}
     WHERE ${col.owner} = $1::uuid AND ($2::text IS NULL OR ${col.id}::text > $2) ORDER BY ${col.id}::text LIMIT $3`,
    [userId, after, size],
  );
  let changed = 0;
  for (const row of rows) {
    if (row.value === null || ciphertextVersion(row.value) === version) continue;
    const ref = { table: col.table, column: col.column, rowId: row.row_id };
    const plaintext = ciphertextVersion(row.value) === null ? row.value : await decryptField(userId, ref, row.value);
    const next = await encryptField(userId, ref, plaintext);
    // Only if unchanged meanwhile: a concurrent write already used the new version.
    const updated = await pool().query(`UPDATE ${col.table} SET ${col.column} = $1 WHERE ${col.id}::text = $2 AND ${col.column} = $3`, [next, row.id, row.value]);
    changed += updated.rowCount ?? 0;
  }
  return { last: rows.length === size ? rows[rows.length - 1].id : null, changed };
}

export type ReencryptOptions = {
  batchSize?: number;
  /** Stop after this many batches (the run stays open and resumes next time). */
  maxBatches?: number;
  /** Wait until every process's key cache has seen the new version (tests in one process pass 0). */
  settleMs?: number;
};

/** Runs (or resumes) the rotation of one user's data key; `finished` is false when stopped early. */
export async function reencryptUser(userId: string, options: ReencryptOptions = {}): Promise<{ finished: boolean; version: number; reencrypted: number }> {
  const { batchSize = 500, maxBatches = Infinity, settleMs = CACHE_TTL_MS } = options;
  const { runId, progress, keyCreatedAt } = await startOrResume(userId);
  forgetUserKeys(userId);
  const wait = keyCreatedAt.getTime() + settleMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  let batches = 0;
  for (const col of ENCRYPTED_COLUMNS) {
    while (!progress.done.includes(columnKey(col))) {
      if (batches++ >= maxBatches) return { finished: false, version: progress.version, reencrypted: progress.reencrypted };
      const { last, changed } = await reencryptBatch(userId, col, progress.version, progress.cursors[columnKey(col)] ?? null, batchSize);
      progress.reencrypted += changed;
      progress.cursors[columnKey(col)] = last;
      if (last === null) progress.done.push(columnKey(col));
      await prisma.jobRun.update({ where: { id: runId }, data: { result: progress } });
    }
  }
  await reindexEmail(userId);
  await reindexInvitations(userId);
  await prisma.$transaction([
    prisma.userKey.updateMany({ where: { userId, version: { lt: progress.version }, retiredAt: null }, data: { retiredAt: new Date() } }),
    prisma.jobRun.update({ where: { id: runId }, data: { status: 'SUCCEEDED', finishedAt: new Date() } }),
  ]);
  forgetUserKeys(userId);
  return { finished: true, version: progress.version, reencrypted: progress.reencrypted };
}
