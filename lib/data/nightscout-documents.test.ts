// The Nightscout document store against the real database: upsert outcomes (created, unchanged for the
// same document in another key order, updated), encryption at rest, the queries v1 and v3 need (date
// bounds, eventType, a filter on the decrypted document, modified since, deleted ones), soft delete, and
// the scope: another site's documents are never found.
import { describe, expect, it } from 'vitest';
import { ciphertextVersion } from '../crypto/fields';
import { reencryptUser } from '../crypto/reencrypt';
import { pool } from '../db/client';
import { generateApiSecret } from '../nightscout/secret';
import { objectIdFor } from '../nightscout/identifier';
import { createUser } from '@/test/factories';
import { findDocuments, getDocument, getDocumentByObjectId, softDeleteDocument, upsertDocument, type SiteScope } from './nightscout-documents';
import { createNightscoutSite } from './nightscout-sites';

const T = Date.UTC(2026, 10, 20, 8, 0, 0);
const MIN = 60_000;

async function newSite(): Promise<SiteScope> {
  const user = await createUser();
  const { id } = await createNightscoutSite(user.id, { name: 'Loop', ...generateApiSecret() });
  return { id, userId: user.id };
}

const treatment = (identifier: string, ms: number, doc: Record<string, unknown>) => ({
  collection: 'treatments' as const,
  identifier,
  uploaderDeviceId: null,
  dateMs: ms,
  eventType: typeof doc.eventType === 'string' ? doc.eventType : null,
  doc,
});

describe('upsertDocument', () => {
  it('creates, then answers unchanged for the same document (any key order), then updates', async () => {
    const site = await newSite();
    const doc = { eventType: 'Correction Bolus', insulin: 1.5, created_at: new Date(T).toISOString(), enteredBy: 'Loop' };
    const first = await upsertDocument(site, treatment('loop-1', T, doc), T + MIN);
    expect(first.outcome).toBe('created');
    expect(first.document).toMatchObject({ identifier: 'loop-1', objectId: objectIdFor(site.id, 'treatments', 'loop-1'), dateMs: T, isValid: true, srvCreatedMs: T + MIN });

    const reordered = { enteredBy: 'Loop', created_at: doc.created_at, insulin: 1.5, eventType: 'Correction Bolus' };
    const again = await upsertDocument(site, treatment('loop-1', T, reordered), T + 2 * MIN);
    expect(again.outcome).toBe('unchanged');
    expect(again.document.srvModifiedMs).toBe(T + MIN);

    const changed = await upsertDocument(site, treatment('loop-1', T, { ...doc, insulin: 2 }), T + 3 * MIN);
    expect(changed).toMatchObject({ outcome: 'updated', previous: { doc: { insulin: 1.5 } }, document: { doc: { insulin: 2 }, srvCreatedMs: T + MIN, srvModifiedMs: T + 3 * MIN } });
  });

  it('stores the document encrypted (nothing of it readable in the row)', async () => {
    const site = await newSite();
    await upsertDocument(site, treatment('n-1', T, { eventType: 'Note', notes: 'secret-note-text' }), T);
    const { rows } = await pool().query<{ doc: string }>('SELECT doc FROM nightscout_documents WHERE site_id = $1', [site.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.doc).toMatch(/^v1\./);
    expect(rows[0]!.doc).not.toContain('secret-note-text');
    expect((await getDocument(site, 'treatments', 'n-1'))?.doc).toEqual({ eventType: 'Note', notes: 'secret-note-text' });

    // A data key rotation re-encrypts it (lib/crypto/encrypted-columns.ts lists the column).
    await reencryptUser(site.userId, { settleMs: 0 });
    const after = await pool().query<{ doc: string }>('SELECT doc FROM nightscout_documents WHERE site_id = $1', [site.id]);
    expect(ciphertextVersion(after.rows[0]!.doc)).toBe(2);
    expect((await getDocument(site, 'treatments', 'n-1'))?.doc).toEqual({ eventType: 'Note', notes: 'secret-note-text' });
  });

  it('stores two concurrent uploads of one identifier once', async () => {
    const site = await newSite();
    const doc = { eventType: 'Meal Bolus', carbs: 20 };
    const outcomes = await Promise.all([upsertDocument(site, treatment('same', T, doc), T), upsertDocument(site, treatment('same', T, doc), T)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['created', 'unchanged']);
  });
});

describe('findDocuments', () => {
  it('answers newest first within bounds, by eventType, by a filter on the document, skipping deleted ones', async () => {
    const site = await newSite();
    for (let i = 0; i < 5; i++) {
      const eventType = i % 2 === 0 ? 'Correction Bolus' : 'Carb Correction';
      await upsertDocument(site, treatment(`t${i}`, T + i * MIN, { eventType, enteredBy: i < 3 ? 'Loop' : 'xDrip+' }), T + 10 * MIN);
    }
    const ids = (docs: { identifier: string }[]) => docs.map((d) => d.identifier);
    expect(ids(await findDocuments(site, 'treatments', { limit: 3 }))).toEqual(['t4', 't3', 't2']);
    expect(ids(await findDocuments(site, 'treatments', { limit: 10, fromMs: T + MIN, toMs: T + 3 * MIN }))).toEqual(['t3', 't2', 't1']);
    expect(ids(await findDocuments(site, 'treatments', { limit: 10, eventType: 'Carb Correction' }))).toEqual(['t3', 't1']);
    expect(ids(await findDocuments(site, 'treatments', { limit: 10, match: (d) => d.enteredBy === 'Loop', skip: 1 }))).toEqual(['t1', 't0']);
    expect(ids(await findDocuments(site, 'treatments', { limit: 2, ascending: true }))).toEqual(['t0', 't1']);

    expect(await softDeleteDocument(site, 'treatments', 't2', T + 20 * MIN)).toMatchObject({ identifier: 't2', isValid: true });
    expect(await softDeleteDocument(site, 'treatments', 't2', T + 21 * MIN)).toBeNull(); // already deleted
    expect(ids(await findDocuments(site, 'treatments', { limit: 10 }))).toEqual(['t4', 't3', 't1', 't0']);
    const history = await findDocuments(site, 'treatments', { limit: 10, modifiedSinceMs: T + 15 * MIN, includeDeleted: true });
    expect(history).toMatchObject([{ identifier: 't2', isValid: false, srvModifiedMs: T + 20 * MIN }]);
    expect(await getDocument(site, 'treatments', 't2')).toMatchObject({ isValid: false, doc: { eventType: 'Correction Bolus' } });

    // Posting it again revives it.
    const revived = await upsertDocument(site, treatment('t2', T + 2 * MIN, { eventType: 'Correction Bolus', enteredBy: 'Loop' }), T + 30 * MIN);
    expect(revived).toMatchObject({ outcome: 'updated', document: { isValid: true } });
  });

  it('never finds another site’s documents', async () => {
    const mine = await newSite();
    const theirs = await newSite();
    await upsertDocument(theirs, treatment('x', T, { eventType: 'Note' }), T);
    expect(await findDocuments(mine, 'treatments', { limit: 10 })).toEqual([]);
    expect(await getDocument(mine, 'treatments', 'x')).toBeNull();
    expect(await getDocumentByObjectId(mine, 'treatments', objectIdFor(theirs.id, 'treatments', 'x'))).toBeNull();
    expect(await getDocumentByObjectId(theirs, 'treatments', objectIdFor(theirs.id, 'treatments', 'x'))).toMatchObject({ identifier: 'x' });
    expect(await softDeleteDocument(mine, 'treatments', 'x', T)).toBeNull();
    expect(await getDocument(theirs, 'treatments', 'x')).toMatchObject({ isValid: true });
  });
});
