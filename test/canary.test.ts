// The canary: a unique string planted in every encrypted field, through the real API and data layer,
// must never appear in the database (every table of the public schema, dumped with COPY), in what the
// app logs, or in background job payloads, while its owner still reads it back decrypted.
// (A real pg_dump is not used: pg_dump 18 is not installed here and Debian's pg_dump 15 refuses a
// PostgreSQL 18 server. COPY of every table, partitions included, reads the same rows.)
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decryptField } from '@/lib/crypto/fields';
import { prisma } from '@/lib/db/client';
import { registerDevice, updateDevice } from '@/lib/data/devices';
import { encryptInsightTexts } from '@/lib/data/insight-fields';
import { notifyPatient } from '@/lib/data/notifications';
import { findPushTarget } from '@/lib/data/push-subscriptions';
import { updateSettings } from '@/lib/data/settings';
import { EVENTS } from '@/lib/jobs/events';
import { createSignedInUser, syncSamples } from '@/test/factories';
import { api, signIn } from '@/test/http';
import { createSite, ns } from '@/test/nightscout';

const CANARY = `canary${randomBytes(12).toString('hex')}`;
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const connected = client.connect();
afterAll(() => client.end());

async function dumpTable(table: string): Promise<string> {
  const stream = client.query(copyTo(`COPY (SELECT * FROM public."${table}") TO STDOUT`));
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('canary', () => {
  it('appears nowhere in the database, the logs or job payloads, yet reads back to its owner', async () => {
    await connected;
    const logged: string[] = [];
    const capture = (chunk: unknown) => logged.push(String(chunk));
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (capture(chunk), true)),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (capture(chunk), true)),
    ];

    // Through the HTTP API (the test server): profile name, a device's name, sample metadata, an
    // event's payload, a share's recipient address, an admin's new user (its e-mail too).
    const patient = await createSignedInUser();
    expect((await api('/api/v1/users/me/settings', { method: 'PATCH', cookie: patient.cookie, json: { displayName: `Name ${CANARY}` } })).status).toBe(200);
    const registered = await api('/api/v1/devices', { cookie: patient.cookie, json: { name: `Watch ${CANARY}`, type: 'watch' } });
    expect(registered.status).toBe(201);
    await syncSamples(registered.body, [
      { type: 'HEART_RATE', value: 61, unit: 'count/min', startDate: '2026-11-20T08:00:00Z', endDate: '2026-11-20T08:00:00Z', metadata: { context: `Meta ${CANARY}` } },
    ]);
    // Insights are derived by rules, never typed in: one is stored as refreshInsights stores it.
    const insightId = randomUUID();
    await prisma.insight.create({
      data: { id: insightId, userId: patient.id, kind: 'SLEEP_DEFICIT', severity: 'LOW', data: {}, windowStart: new Date('2026-11-01'), windowEnd: new Date('2026-11-14'),
        ...(await encryptInsightTexts(patient.id, insightId, { title: `Title ${CANARY}`, body: `Body ${CANARY}` })) },
    });
    // A Nightscout treatment (its document and the timeline note it becomes), on a patient of its own.
    const nsPatient = await createSignedInUser();
    const nsSite = await createSite(nsPatient.cookie);
    expect((await ns(nsSite, 'treatments', { json: [{ eventType: 'Note', notes: `Nightscout ${CANARY}`, created_at: '2026-11-20T10:00:00Z', enteredBy: 'canary' }] })).status).toBe(200);
    const note = await api('/api/v1/users/me/entries', { cookie: patient.cookie, json: { kind: 'symptom', name: `Symptom ${CANARY}`, severity: 2, note: `Note ${CANARY}`, at: '2026-11-20T09:00:00Z' } });
    expect(note.status).toBe(201);
    // A meal's description (issue 18), read back below.
    expect((await api('/api/v1/users/me/meals', { cookie: patient.cookie, json: { mealType: 'lunch', eatenAt: '2026-11-20T12:00:00Z', description: `Meal ${CANARY}` } })).status).toBe(201);
    const share = { types: ['STEPS'], from: '2026-11-01', to: '2026-11-30', expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    expect((await api('/api/v1/shares', { cookie: patient.cookie, json: { ...share, recipientEmail: `share-${CANARY}@test.example` } })).status).toBe(201);
    const admin = await createSignedInUser({ role: 'ADMIN' });
    // A Nightscout site and an access token of it, both named (issue 16).
    const site = await api('/api/v1/nightscout-sites', { cookie: patient.cookie, json: { name: `Uploader ${CANARY}` } });
    expect(site.status).toBe(201);
    const token = await api(`/api/v1/nightscout-sites/${site.body.id}/tokens`, { cookie: patient.cookie, json: { name: `Follower ${CANARY}`, role: 'readable' } });
    expect(token.status).toBe(201);
    // A browser subscribed to Web Push (issue 17): its push service address identifies the browser.
    const browser = createECDH('prime256v1');
    browser.generateKeys();
    const pushEndpoint = `https://fcm.googleapis.com/fcm/send/${CANARY}`;
    const pushed = await api('/api/v1/users/me/push-subscriptions', {
      cookie: patient.cookie,
      json: { endpoint: pushEndpoint, expirationTime: null, keys: { p256dh: browser.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } },
    });
    expect(pushed.status).toBe(201);
    const created = await api('/api/v1/admin/users', {
      cookie: admin.cookie,
      json: { email: `${CANARY}@test.example`, name: `Admin made ${CANARY}`, role: 'PATIENT', timeZone: 'UTC', password: 'twelve chars ok' },
    });
    expect(created.status).toBe(201);

    // Through the data layer in this process (whose output is captured): a second device, a rename.
    const device = await registerDevice(patient.id, { name: `Scale ${CANARY}`, type: 'scale' });
    await updateDevice(patient.id, device.id, { name: `Scale renamed ${CANARY}` });
    await updateSettings(patient.id, { displayName: `Name ${CANARY}` });
    await notifyPatient({ patientId: patient.id, message: { kind: 'test.canary', title: `Notice ${CANARY}`, body: `Notice body ${CANARY}` } });
    for (const spy of spies) spy.mockRestore();

    // The owner reads every value back.
    const me = await api('/api/v1/users/me', { cookie: patient.cookie });
    expect(me.body.name).toBe(`Name ${CANARY}`);
    const devices = await api('/api/v1/devices', { cookie: patient.cookie });
    expect(devices.body.devices.map((d: { name: string }) => d.name).sort()).toEqual([`Scale renamed ${CANARY}`, `Uploader ${CANARY}`, `Watch ${CANARY}`]);
    expect(created.body.name).toBe(`Admin made ${CANARY}`);
    expect(created.body.email).toBe(`${CANARY}@test.example`);
    const canaryCookie = await signIn(`${CANARY}@test.example`, 'twelve chars ok');
    expect(canaryCookie).not.toBeNull();
    expect((await api('/api/v1/users/me', { cookie: canaryCookie! })).body.email).toBe(`${CANARY}@test.example`);
    const samples = await api('/api/v1/users/me/samples?type=HEART_RATE', { cookie: patient.cookie });
    expect(samples.body.samples.map((s: { metadata: unknown }) => s.metadata)).toEqual([{ context: `Meta ${CANARY}` }]);
    // Insight texts are shown as built for each reader from `data`; the stored (patient's) copy still decrypts.
    const stored = await prisma.insight.findUniqueOrThrow({ where: { id: insightId } });
    const insightRef = (column: 'title' | 'body') => ({ table: 'insights', column, rowId: insightId });
    expect(await decryptField(patient.id, insightRef('title'), stored.title)).toBe(`Title ${CANARY}`);
    expect(await decryptField(patient.id, insightRef('body'), stored.body)).toBe(`Body ${CANARY}`);
    const inbox = await api('/api/v1/notifications', { cookie: patient.cookie });
    expect(inbox.body.notifications).toContainEqual(expect.objectContaining({ title: `Notice ${CANARY}`, body: `Notice body ${CANARY}` }));
    const shares = await api('/api/v1/shares', { cookie: patient.cookie });
    expect(shares.body.shares).toContainEqual(expect.objectContaining({ recipient: { kind: 'person', email: `share-${CANARY}@test.example` } }));
    const tokens = await api(`/api/v1/nightscout-sites/${site.body.id}/tokens`, { cookie: patient.cookie });
    expect(tokens.body.tokens.map((t: { name: string }) => t.name)).toEqual([`Follower ${CANARY}`]);
    const timeline = await api('/api/v1/users/me/timeline', { cookie: patient.cookie });
    expect(timeline.body.items).toContainEqual(expect.objectContaining({ kind: 'symptom', name: `Symptom ${CANARY}`, note: `Note ${CANARY}` }));
    const nsTimeline = await api('/api/v1/users/me/timeline', { cookie: nsPatient.cookie });
    expect(nsTimeline.body.items).toContainEqual(expect.objectContaining({ kind: 'note', text: `Note — Nightscout ${CANARY} (via canary)` }));
    expect((await ns(nsSite, 'treatments')).body[0].notes).toBe(`Nightscout ${CANARY}`);
    expect((await findPushTarget(pushed.body.id, patient.id))?.endpoint).toBe(pushEndpoint);
    expect((await api('/api/v1/users/me/meals?from=2026-11-20&to=2026-11-20', { cookie: patient.cookie })).body.meals[0].description).toBe(`Meal ${CANARY}`);

    // Every table of the public schema (partitions too), job_runs included.
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    expect(rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(['profiles', 'devices', 'job_runs', 'user_keys', 'audit_log']));
    const hits: string[] = [];
    for (const { tablename } of rows) if ((await dumpTable(tablename)).includes(CANARY)) hits.push(tablename);
    expect(hits).toEqual([]);
    // The dump is real: the ciphertexts are there, the owner's id too.
    expect(await dumpTable('profiles')).toContain(patient.id);

    expect(logged.join('').includes(CANARY)).toBe(false);

    // Job payloads: every event schema keeps ids only, so free text given to it is dropped.
    const sample = { userId: patient.id, importId: patient.id, patientId: patient.id, emergencyEventId: patient.id, month: '2026-11', note: CANARY, name: CANARY };
    for (const event of Object.values(EVENTS)) {
      expect(JSON.stringify(event.schema.parse(sample))).not.toContain(CANARY);
    }
  });
});
