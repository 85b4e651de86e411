// Integration: the audit log is append-only for the application's own connection and its hash chain
// holds under concurrent inserts; verification finds a modified, a deleted and an inserted row.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '../db/client';
import { recordAudit } from './record';
import { verifyAuditChain } from './verify';

const action = `test.chain.${randomUUID().slice(0, 8)}`;
afterAll(() => prisma.$disconnect());

async function mine(): Promise<{ id: string; hash: string }[]> {
  const { rows } = await pool().query<{ id: string; hash: string }>('SELECT a.id::text, a.hash FROM audit_log a WHERE a.action = $1 ORDER BY a.id', [action]);
  return rows;
}

/** Tampers as the superuser with the user triggers off, verifies, and rolls everything back. */
async function verifyAfterTampering(tamper: (c: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await tamper(client);
    return await verifyAuditChain(client, 7);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

describe('audit_log', () => {
  it('keeps an intact chain under 50 concurrent inserts', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordAudit({ action, outcome: 'SUCCESS', details: { i } })));
    const rows = await mine();
    expect(rows).toHaveLength(50);
    const report = await verifyAuditChain(pool(), 7); // small batches cross batch boundaries
    expect(report).toMatchObject({ ok: true });
    expect(report.rows).toBeGreaterThanOrEqual(50);
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the application connection', async () => {
    const [row] = await mine();
    const id = BigInt(row!.id);
    await expect(prisma.$executeRaw`UPDATE audit_log SET action = 'x' WHERE id = ${id}`).rejects.toThrow(/append-only: UPDATE/);
    await expect(prisma.$executeRaw`DELETE FROM audit_log WHERE id = ${id}`).rejects.toThrow(/append-only: DELETE/);
    await expect(prisma.$executeRaw`TRUNCATE audit_log`).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(pool().query('UPDATE audit_log SET action = $1 WHERE id = $2', ['x', row!.id])).rejects.toThrow(/append-only: UPDATE/);
    await expect(prisma.auditLog.deleteMany({ where: { action } })).rejects.toThrow();
    expect(await mine()).toHaveLength(50);
  });

  it('reports a modified row at that row', async () => {
    const target = (await mine())[10]!;
    const report = await verifyAfterTampering((c) => c.query(`UPDATE audit_log SET outcome = 'DENIED' WHERE id = $1`, [target.id]));
    expect(report).toMatchObject({ ok: false, id: target.id, problem: 'hash', stored: target.hash });
  });

  it('reports a modified row whose hash was recomputed at the next row', async () => {
    const [, target, next] = await mine();
    const report = await verifyAfterTampering(async (c) => {
      await c.query(`UPDATE audit_log SET details = '{"i": 99}' WHERE id = $1`, [target!.id]);
      await c.query('UPDATE audit_log a SET hash = audit_log_hash(a) WHERE id = $1', [target!.id]);
    });
    expect(report).toMatchObject({ ok: false, id: next!.id, problem: 'prev_hash', stored: target!.hash });
  });

  it('reports a deleted row at the row after it', async () => {
    const [before, gone, after] = (await mine()).slice(20);
    const report = await verifyAfterTampering((c) => c.query('DELETE FROM audit_log WHERE id = $1', [gone!.id]));
    expect(report).toMatchObject({ ok: false, id: after!.id, problem: 'prev_hash', expected: before!.hash, stored: gone!.hash });
  });

  it('reports an inserted row, even one with a well-formed hash, at the row after it', async () => {
    const rows = await mine();
    const gap = rows.findIndex((row, i) => i > 0 && BigInt(row.id) - BigInt(rows[i - 1]!.id) >= 2n);
    expect(gap).toBeGreaterThan(0); // the insert trigger draws a second id, so gaps exist
    const [before, after] = [rows[gap - 1]!, rows[gap]!];
    const report = await verifyAfterTampering(async (c) => {
      await c.query(`INSERT INTO audit_log (id, action, outcome, prev_hash) VALUES ($1::bigint + 1, $2, 'SUCCESS', $3)`, [before.id, action, before.hash]);
      await c.query('UPDATE audit_log a SET hash = audit_log_hash(a) WHERE id = $1::bigint + 1', [before.id]);
    });
    expect(report).toMatchObject({ ok: false, id: after.id, problem: 'prev_hash', expected: expect.not.stringMatching(before.hash), stored: before.hash });
  });

  it('reports a forged row appended at the end', async () => {
    const report = await verifyAfterTampering((c) =>
      c.query(`INSERT INTO audit_log (action, outcome, prev_hash, hash) SELECT $1, 'SUCCESS', hash, repeat('f', 64) FROM audit_log ORDER BY id DESC LIMIT 1`, [action]),
    );
    expect(report).toMatchObject({ ok: false, problem: 'hash', stored: 'f'.repeat(64) });
  });
});
