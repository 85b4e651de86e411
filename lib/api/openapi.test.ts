// The served OpenAPI document against the real server: its structure, every real answer (successes and
// errors) validated with Ajv (JSON Schema 2020-12) against the documented schema for that path, method
// and status, and the documented operations matched one-to-one with the route files.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { storeImportedRecord } from '@/lib/data/record-import';
import { addDays } from '@/lib/time';
import { createAggregate, createSignedInUser, linkCare, waitForPipeline } from '@/test/factories';
import { api, baseUrl, type ApiResult } from '@/test/http';

type Schema = Record<string, unknown>;
type Media = Record<string, { schema: Schema }>;
type Op = { operationId: string; security: Record<string, string[]>[]; parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Media }>; 'x-pending'?: boolean };
type Doc = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> } };

const ROOT = path.resolve(import.meta.dirname, '../..');
const FHIR_HEART_RATE = path.join(ROOT, 'lib/interop/fixtures/fhir-r4/observation-example-heart-rate.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

let doc: Doc;
let ajv: Ajv2020;
const validators = new Map<string, ValidateFunction>();
const exercised = new Set<string>();

function allRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allRefs(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') out.push(v);
      else allRefs(v, out);
    }
  }
  return out;
}

/** Asserts a request body we send matches the documented request schema. */
function expectValidRequest(template: string, method: string, body: unknown) {
  const media = (doc.paths[template]?.[method] as { requestBody?: { content: Media } } | undefined)?.requestBody?.content['application/json'];
  expect(media, `${method.toUpperCase()} ${template} documents no JSON body`).toBeDefined();
  const validate = ajv.compile(media!.schema);
  expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
}

/** Asserts the answer is documented for (path, method, status) and its JSON body matches the schema. */
function expectDocumented<T>(res: ApiResult<T>, template: string, method: string): ApiResult<T> {
  const where = `${method.toUpperCase()} ${template} → ${res.status}`;
  const documented = doc.paths[template]?.[method]?.responses[String(res.status)];
  expect(documented, `${where} is not documented (body ${JSON.stringify(res.body).slice(0, 300)})`).toBeDefined();
  exercised.add(`${method} ${template} ${res.status}`);
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!documented!.content) {
    expect(res.body, `${where} should have no body`).toBeNull();
    return res;
  }
  const media = documented!.content[type];
  expect(media, `${where}: content type ${type} is not documented`).toBeDefined();
  if (type.endsWith('json')) {
    const key = `${method} ${template} ${res.status} ${type}`;
    if (!validators.has(key)) validators.set(key, ajv.compile(media!.schema));
    const validate = validators.get(key)!;
    const valid = validate(res.body);
    expect(valid, `${where}: ${ajv.errorsText(validate.errors)}\nbody: ${JSON.stringify(res.body).slice(0, 500)}`).toBe(true);
  }
  return res;
}

beforeAll(async () => {
  const res = await api<Doc>('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  doc = res.body;
  // Ajv resolves the document's "#/components/schemas/X" as "components#/$defs/X" of one added schema.
  const rewritten = JSON.parse(JSON.stringify(doc).replaceAll('"#/components/schemas/', '"components#/$defs/')) as Doc;
  ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'components', $defs: rewritten.components.schemas });
  doc = { ...doc, paths: rewritten.paths };
}, 120_000);

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document whose schemas compile as JSON Schema 2020-12 and whose references resolve', async () => {
    const raw = (await api<Doc>('/api/openapi.json')).body;
    expect(raw.openapi).toBe('3.1.0');
    expect(raw.info.title).toEqual(expect.any(String));
    expect(raw.info.version).toEqual(expect.any(String));
    for (const name of Object.keys(raw.components.schemas)) expect(() => ajv.getSchema(`components#/$defs/${name}`)).not.toThrow();
    for (const ref of allRefs(raw)) expect(Object.keys(raw.components.schemas)).toContain(ref.replace('#/components/schemas/', ''));

    // The check below can fail: a body missing fields or carrying unknown ones is refused.
    const syncResult = ajv.getSchema('components#/$defs/SyncResult')!;
    expect(syncResult({ accepted: 1, duplicates: 0, rejected: [] })).toBe(true);
    expect(syncResult({ accepted: 1, rejected: [] })).toBe(false);
    expect(syncResult({ accepted: 1, duplicates: 0, rejected: [], token: 'x' })).toBe(false);

    const ids = new Set<string>();
    for (const [template, methods] of Object.entries(raw.paths)) {
      expect(template).toMatch(/^\/api\//);
      for (const [method, op] of Object.entries(methods)) {
        expect(METHODS).toContain(method);
        expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${template} has no success response`).toBe(true);
        for (const requirement of op.security) for (const scheme of Object.keys(requirement)) expect(raw.components.securitySchemes).toHaveProperty(scheme);
        const inPath = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort(), `${method} ${template}`).toEqual(inPath);
        for (const [status, r] of Object.entries(doc.paths[template]![method]!.responses)) {
          for (const media of Object.values(r.content ?? {})) expect(() => ajv.compile(media.schema), `${method} ${template} ${status}`).not.toThrow();
        }
      }
    }
  });
});

describe('GET /api-docs', () => {
  it('renders every operation of the document, grouped by tag, without external scripts', async () => {
    const res = await fetch(`${baseUrl()}/api-docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<main');
    for (const name of ['Device sync', 'Devices', 'Reads', 'Imports', 'Exports', 'Medications', 'Shares']) expect(html).toContain(`>${name}</h2>`);
    for (const methods of Object.values(doc.paths)) for (const op of Object.values(methods)) expect(html).toContain(`id="op-${op.operationId}"`);
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
  });
});

describe('real answers match the document', () => {
  it('device registration and sync: success, replay and errors', async () => {
    const patient = await createSignedInUser();
    const registered = expectDocumented(await api('/api/v1/devices', { json: { name: 'Watch', type: 'watch' }, cookie: patient.cookie }), '/api/v1/devices', 'post');
    expect(registered.status).toBe(201);
    const device = registered.body as { id: string; token: string };
    expectDocumented(await api('/api/v1/devices', { json: { name: 'X', type: 'toaster' }, cookie: patient.cookie }), '/api/v1/devices', 'post');
    expectDocumented(await api('/api/v1/devices', { body: 'name=x', headers: { 'content-type': 'text/plain' }, cookie: patient.cookie }), '/api/v1/devices', 'post');
    expect(expectDocumented(await api('/api/v1/devices', { cookie: patient.cookie }), '/api/v1/devices', 'get').status).toBe(200);
    expect(expectDocumented(await api('/api/v1/devices'), '/api/v1/devices', 'get').status).toBe(401);

    const sync = '/api/v1/devices/{id}/sync';
    const url = `/api/v1/devices/${device.id}/sync`;
    const samples = [
      { type: 'HEART_RATE', value: 64, unit: 'count/min', startDate: '2026-01-10T08:00:00Z', endDate: '2026-01-10T08:00:00Z', clientRecordId: 'hr-1', version: 1, metadata: { posture: 'sitting' } },
      { type: 'STEPS', value: 500, unit: 'count', startDate: '2026-01-10T09:00:00Z', endDate: '2026-01-10T09:10:00Z' },
      { type: 'SLEEP_STATE', value: 'asleepDeep', startDate: '2026-01-10T01:00:00Z', endDate: '2026-01-10T02:00:00Z' },
      { type: 'HEART_RATE', value: 900, unit: 'count/min', startDate: '2026-01-10T08:01:00Z', endDate: '2026-01-10T08:01:00Z' },
    ];
    expectValidRequest(sync, 'post', { samples: samples.slice(0, 3) });
    // Insulin names its kind in `category`; carbohydrates are grams.
    expectValidRequest(sync, 'post', {
      samples: [
        { type: 'INSULIN', value: 0.3, unit: 'U', category: 'smb', startDate: '2026-01-10T08:00:00Z', endDate: '2026-01-10T08:00:00Z' },
        { type: 'CARBOHYDRATES', value: 45, unit: 'g', startDate: '2026-01-10T08:00:00Z', endDate: '2026-01-10T08:00:00Z' },
      ],
    });
    expectValidRequest('/api/v1/devices', 'post', { name: 'Watch', type: 'watch' });
    const key = randomUUID();
    const stored = expectDocumented(await api(url, { json: { samples }, token: device.token, headers: { 'idempotency-key': key } }), sync, 'post');
    expect(stored.body).toMatchObject({ accepted: 3, rejected: [{ index: 3, field: 'value' }] });
    const replay = expectDocumented(await api(url, { json: { samples }, token: device.token, headers: { 'idempotency-key': key } }), sync, 'post');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    expect(expectDocumented(await api(url, { json: { samples } }), sync, 'post').status).toBe(401);
    expect(expectDocumented(await api(`/api/v1/devices/${randomUUID()}/sync`, { json: { samples }, token: device.token }), sync, 'post').status).toBe(404);
    expect(expectDocumented(await api(url, { json: { samples: [samples[3]] }, token: device.token }), sync, 'post').status).toBe(422);
    expect(expectDocumented(await api(url, { json: { items: [] }, token: device.token }), sync, 'post').status).toBe(422);
    expect(expectDocumented(await api(url, { json: { samples: [] }, token: device.token, headers: { 'idempotency-key': key } }), sync, 'post').status).toBe(422);
    expect(expectDocumented(await api(url, { body: '{"samples": [', headers: { 'content-type': 'application/json' }, token: device.token }), sync, 'post').status).toBe(400);
    expect(expectDocumented(await api(url, { body: 'x', headers: { 'content-type': 'text/plain' }, token: device.token }), sync, 'post').status).toBe(415);
  }, 240_000); // under next dev each route compiles on its first call

  it('own reads, a linked doctor’s reads and the errors around them', async () => {
    const patient = await createSignedInUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const stranger = await createSignedInUser();
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    const device = (await api('/api/v1/devices', { json: { name: 'Phone', type: 'phone' }, cookie: patient.cookie })).body as { id: string; token: string };
    const since = new Date();
    await api(`/api/v1/devices/${device.id}/sync`, {
      token: device.token,
      json: {
        samples: [
          { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-01-10T08:00:00Z', endDate: '2026-01-10T08:00:00Z' },
          { type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: '2026-01-10T08:05:00Z', endDate: '2026-01-10T08:05:00Z' },
          { type: 'MENSTRUAL_FLOW', value: 'light', startDate: '2026-01-10T06:00:00Z', endDate: '2026-01-10T07:00:00Z' },
          { type: 'INSULIN', value: 4.5, unit: 'U', category: 'bolus', startDate: '2026-01-10T12:00:00Z', endDate: '2026-01-10T12:00:00Z' },
        ],
      },
    });
    // The heart-rate aggregates come from the pipeline (started by the sync); steps are written directly.
    await waitForPipeline(patient.id, since, 60_000);
    await createAggregate({ userId: patient.id, type: 'STEPS', period: 'DAY', periodStart: '2026-01-10', value: 8000, min: null, max: null, sources: { [device.id]: 8000 } });

    const queries = { samples: '?limit=2', aggregates: '?types=STEPS,HEART_RATE&period=day&from=2026-01-01&to=2026-01-31', summary: '?date=2026-01-10' };
    for (const [kind, query] of Object.entries(queries)) {
      const own = `/api/v1/users/me/${kind}`;
      const theirs = `/api/v1/patients/{patientId}/${kind}`;
      const mine = expectDocumented(await api(own + query, { cookie: patient.cookie }), own, 'get');
      expect(mine.status).toBe(200);
      const viaDoctor = expectDocumented(await api(`/api/v1/patients/${patient.id}/${kind}${query}`, { cookie: doctor.cookie }), theirs, 'get');
      expect(viaDoctor.body).toEqual(mine.body);
      expect(expectDocumented(await api(own + query), own, 'get').status).toBe(401);
      expect(expectDocumented(await api(`${own}?date=2026-02-30&period=year&limit=0&types=MOOD`, { cookie: patient.cookie }), own, 'get').status).toBe(422);
      expect(expectDocumented(await api(`/api/v1/patients/${stranger.id}/${kind}${query}`, { cookie: doctor.cookie }), theirs, 'get').status).toBe(404);
      expect(expectDocumented(await api(`/api/v1/patients/${patient.id}/${kind}${query}`, { cookie: stranger.cookie }), theirs, 'get').status).toBe(404);
      expect(expectDocumented(await api(`/api/v1/patients/${patient.id}/${kind}${query}`), theirs, 'get').status).toBe(401);
      expect(expectDocumented(await api(`/api/v1/patients/${patient.id}/${kind}?date=x&period=x&limit=x&types=x`, { cookie: doctor.cookie }), theirs, 'get').status).toBe(422);
    }
    for (const kind of ['glucose/metrics', 'glucose/agp']) {
      const own = `/api/v1/users/me/${kind}`;
      const theirs = `/api/v1/patients/{patientId}/${kind}`;
      const mine = expectDocumented(await api(`${own}?from=2026-01-01&to=2026-01-14`, { cookie: patient.cookie }), own, 'get');
      expect(mine.status).toBe(200);
      expect(expectDocumented(await api(`/api/v1/patients/${patient.id}/${kind}?from=2026-01-01&to=2026-01-14`, { cookie: doctor.cookie }), theirs, 'get').body).toEqual(mine.body);
      expect(expectDocumented(await api(own), own, 'get').status).toBe(401);
      expect(expectDocumented(await api(`${own}?from=2026-02-30`, { cookie: patient.cookie }), own, 'get').status).toBe(422);
      expect(expectDocumented(await api(`/api/v1/patients/${patient.id}/${kind}`, { cookie: stranger.cookie }), theirs, 'get').status).toBe(404);
      expect(expectDocumented(await api(`/api/v1/patients/${patient.id}/${kind}`), theirs, 'get').status).toBe(401);
      expect(expectDocumented(await api(`/api/v1/patients/${patient.id}/${kind}?to=x`, { cookie: doctor.cookie }), theirs, 'get').status).toBe(422);
    }
    const insulin = expectDocumented(await api('/api/v1/users/me/samples?type=INSULIN', { cookie: patient.cookie }), '/api/v1/users/me/samples', 'get');
    expect(insulin.body).toMatchObject({ samples: [{ type: 'INSULIN', value: 4.5, unit: '[iU]', category: 'bolus' }] });
    const page = (await api<{ samples: unknown[]; nextCursor: string | null }>('/api/v1/users/me/samples?limit=2', { cookie: patient.cookie })).body;
    expect(page.samples).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));

    const exportPath = '/api/v1/users/me/export';
    const csv = expectDocumented(await api(`${exportPath}?format=csv&from=2026-01-01&to=2026-01-31`, { cookie: patient.cookie }), exportPath, 'get');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const fhir = expectDocumented(await api(`${exportPath}?format=fhir&types=HEART_RATE&from=2026-01-01&to=2026-01-31`, { cookie: patient.cookie }), exportPath, 'get');
    expect(fhir.body).toMatchObject({ resourceType: 'Bundle' });
    expect(expectDocumented(await api(`${exportPath}?from=2026-01-01&to=2026-01-31`, { cookie: patient.cookie }), exportPath, 'get').status).toBe(422);
    expect(expectDocumented(await api(`${exportPath}?format=csv&from=2026-01-01&to=2026-01-31`, { cookie: doctor.cookie }), exportPath, 'get').status).toBe(403);
    expect(expectDocumented(await api(`${exportPath}?format=csv&from=2026-01-01&to=2026-01-31`), exportPath, 'get').status).toBe(401);
  }, 240_000); // under next dev each route compiles on its first call

  it('conditional reads of complete periods (304, a new ETag after a late sync) and samples as columns', async () => {
    const patient = await createSignedInUser({ timeZone: 'UTC' });
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    const device = (await api('/api/v1/devices', { json: { name: 'Pen', type: 'phone' }, cookie: patient.cookie })).body as { id: string; token: string };
    const sync = (samples: unknown[]) => api(`/api/v1/devices/${device.id}/sync`, { token: device.token, json: { samples } });
    const at = (time: string) => ({ startDate: `2026-02-10T${time}Z`, endDate: `2026-02-10T${time}Z` });
    let since = new Date();
    await sync([
      { type: 'HEART_RATE', value: 70, unit: 'count/min', ...at('08:00:00') },
      { type: 'INSULIN', value: 4.5, unit: 'U', category: 'bolus', ...at('12:00:00') },
      { type: 'INSULIN', value: 0.3, unit: 'U', ...at('13:00:00') },
    ]);
    await waitForPipeline(patient.id, since, 60_000);

    const reads = [
      ['/api/v1/users/me/aggregates', `/api/v1/users/me/aggregates?types=HEART_RATE&period=day&from=2026-02-01&to=2026-02-28`, patient.cookie],
      ['/api/v1/patients/{patientId}/aggregates', `/api/v1/patients/${patient.id}/aggregates?types=HEART_RATE&period=day&from=2026-02-01&to=2026-02-28`, doctor.cookie],
      ['/api/v1/users/me/summary', '/api/v1/users/me/summary?date=2026-02-10', patient.cookie],
      ['/api/v1/patients/{patientId}/summary', `/api/v1/patients/${patient.id}/summary?date=2026-02-10`, doctor.cookie],
    ] as const;
    const etags: string[] = [];
    for (const [template, url, cookie] of reads) {
      const first = expectDocumented(await api(url, { cookie }), template, 'get');
      const etag = first.headers.get('etag')!;
      expect(etag, url).toMatch(/^"[\w-]{43}"$/);
      const again = expectDocumented(await api(url, { cookie, headers: { 'if-none-match': etag } }), template, 'get');
      expect(again.status, url).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      etags.push(etag);
    }
    // A late reading of that day: the pipeline recomputes it, and the old validator no longer matches.
    since = new Date();
    await sync([{ type: 'HEART_RATE', value: 90, unit: 'count/min', ...at('09:00:00') }]);
    await waitForPipeline(patient.id, since, 60_000);
    for (const [i, [template, url, cookie]] of reads.entries()) {
      const changed = expectDocumented(await api(url, { cookie, headers: { 'if-none-match': etags[i]! } }), template, 'get');
      expect(changed.status, url).toBe(200);
      expect(changed.headers.get('etag'), url).toMatch(/^"[\w-]{43}"$/);
      expect(changed.headers.get('etag'), url).not.toBe(etags[i]);
    }

    const own = '/api/v1/users/me/samples';
    const theirs = '/api/v1/patients/{patientId}/samples';
    for (const [template, url, cookie] of [[own, own, patient.cookie], [theirs, `/api/v1/patients/${patient.id}/samples`, doctor.cookie]] as const) {
      const rows = expectDocumented(await api(`${url}?type=INSULIN`, { cookie }), template, 'get');
      const columns = expectDocumented(await api(`${url}?type=INSULIN&format=columns`, { cookie }), template, 'get');
      expect(columns.body).toMatchObject({ format: 'columns', type: 'INSULIN', unit: '[iU]', devices: [device.id], device: [0, 0], value: [4.5, 0.3], category: ['bolus', null], nextCursor: null });
      expect((columns.body as { id: string[] }).id).toEqual((rows.body as { samples: { id: string }[] }).samples.map((s) => s.id));
      const bogus = expectDocumented(await api(`${url}?type=INSULIN&format=bogus`, { cookie }), template, 'get');
      expect(bogus.status).toBe(422);
      expect(bogus.body).toMatchObject({ error: { details: [{ field: 'format' }] } });
      expect(expectDocumented(await api(`${url}?format=columns`, { cookie }), template, 'get').status).toBe(422);
    }
  }, 240_000); // under next dev each route compiles on its first call

  it('an import upload, its status and the import errors', async () => {
    const patient = await createSignedInUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const form = new FormData();
    form.append('file', new Blob([await readFile(FHIR_HEART_RATE)], { type: 'application/fhir+json' }), 'observation.json');
    form.append('format', 'fhir');
    const res = await fetch(`${baseUrl()}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie: patient.cookie } });
    const created = expectDocumented({ status: res.status, headers: res.headers, body: await res.json() }, '/api/v1/imports', 'post');
    expect(created.status).toBe(202);
    const id = (created.body as { id: string }).id;

    expect(expectDocumented(await api(`/api/v1/imports/${id}`, { cookie: patient.cookie }), '/api/v1/imports/{id}', 'get').status).toBe(200);
    expect(expectDocumented(await api('/api/v1/imports', { cookie: patient.cookie }), '/api/v1/imports', 'get').status).toBe(200);
    expect(expectDocumented(await api(`/api/v1/imports/${randomUUID()}`, { cookie: patient.cookie }), '/api/v1/imports/{id}', 'get').status).toBe(404);
    expect(expectDocumented(await api(`/api/v1/imports/${id}`), '/api/v1/imports/{id}', 'get').status).toBe(401);
    expect(expectDocumented(await api('/api/v1/imports', { cookie: doctor.cookie }), '/api/v1/imports', 'get').status).toBe(403);
    expect(expectDocumented(await api('/api/v1/imports', { json: { file: 'x' }, cookie: patient.cookie }), '/api/v1/imports', 'post').status).toBe(415);
    const noFile = new FormData();
    noFile.append('format', 'fhir');
    const missing = await fetch(`${baseUrl()}/api/v1/imports`, { method: 'POST', body: noFile, headers: { cookie: patient.cookie } });
    expect(expectDocumented({ status: missing.status, headers: missing.headers, body: await missing.json() }, '/api/v1/imports', 'post').status).toBe(422);
  });

  it('shares: create (link and recipient), list for the patient and the recipient, revoke, and the errors', async () => {
    const patient = await createSignedInUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const stranger = await createSignedInUser();
    const body = { types: ['STEPS'], from: '2026-10-01', to: '2026-10-31', expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    const link = expectDocumented(await api('/api/v1/shares', { json: body, cookie: patient.cookie }), '/api/v1/shares', 'post');
    expect(link.status).toBe(201);
    expect(expectDocumented(await api('/api/v1/shares', { json: { ...body, recipientEmail: doctor.email }, cookie: patient.cookie }), '/api/v1/shares', 'post').status).toBe(201);
    expect(expectDocumented(await api('/api/v1/shares', { json: { ...body, from: '2026-11-01' }, cookie: patient.cookie }), '/api/v1/shares', 'post').status).toBe(422);
    expect(expectDocumented(await api('/api/v1/shares', { json: body, cookie: doctor.cookie }), '/api/v1/shares', 'post').status).toBe(403);
    expect(expectDocumented(await api('/api/v1/shares', { cookie: patient.cookie }), '/api/v1/shares', 'get').status).toBe(200);
    expect(expectDocumented(await api('/api/v1/shares', { cookie: doctor.cookie }), '/api/v1/shares', 'get').status).toBe(200);
    expect(expectDocumented(await api('/api/v1/shares'), '/api/v1/shares', 'get').status).toBe(401);
    const id = (link.body as { id: string }).id;
    expect(expectDocumented(await api(`/api/v1/shares/${id}`, { method: 'DELETE', cookie: stranger.cookie }), '/api/v1/shares/{id}', 'delete').status).toBe(404);
    expect(expectDocumented(await api(`/api/v1/shares/${id}`, { method: 'DELETE', cookie: patient.cookie }), '/api/v1/shares/{id}', 'delete').status).toBe(204);
  });

  it('medications: add own, prescribe, change and stop, versions, doses and adherence, as the patient and their carers, and the errors', async () => {
    const patient = await createSignedInUser({ timeZone: 'UTC' });
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const viewer = await createSignedInUser({ role: 'CAREGIVER' });
    const logger = await createSignedInUser({ role: 'CAREGIVER' });
    const strangerDoctor = await createSignedInUser({ role: 'DOCTOR' });
    const otherPatient = await createSignedInUser();
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: viewer.id, kind: 'CAREGIVER' });
    await linkCare({ patientId: patient.id, carerId: logger.id, kind: 'CAREGIVER' });
    await prisma.careRelationship.updateMany({ where: { patientId: patient.id, carerId: logger.id }, data: { canLogData: true } });

    type Med = { id: string; status: string; version: number; nextDoses: string[] };
    const own = '/api/v1/users/me/medications';
    const theirs = '/api/v1/patients/{patientId}/medications';
    const mine = own;
    const hers = `/api/v1/patients/${patient.id}/medications`;
    const call = async (template: string, method: string, url: string, init: { cookie?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {}) =>
      expectDocumented(await api(url, { ...init, method: method.toUpperCase() }), template, method);
    const status = async (template: string, method: string, url: string, init: { cookie?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {}) =>
      (await call(template, method, url, init)).status;
    /** 400 malformed JSON, 415 not JSON, 413 over 16 KiB: the body checks every JSON-taking operation makes. */
    async function bodyRefusals(template: string, method: string, url: string, cookie: string) {
      expect(await status(template, method, url, { cookie, body: '{"name": ', headers: { 'content-type': 'application/json' } })).toBe(400);
      expect(await status(template, method, url, { cookie, body: 'name=x', headers: { 'content-type': 'text/plain' } })).toBe(415);
      expect(await status(template, method, url, { cookie, json: { name: 'x'.repeat(17 * 1024) } })).toBe(413);
    }

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = addDays(today, -1);
    const nobody = randomUUID();

    // The patient adds their own.
    const vitaminBody = { name: 'Vitamin D', strength: '1000 IU', form: 'capsule', dose: '1 capsule', route: 'oral', schedule: { kind: 'daily', times: ['20:00', '08:00'] }, startedOn: addDays(today, -3) };
    expectValidRequest(own, 'post', vitaminBody);
    const added = await call(own, 'post', mine, { cookie: patient.cookie, json: vitaminBody });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Vitamin D', prescriberId: null, critical: false, version: 1, status: 'active', schedule: { kind: 'daily', times: ['08:00', '20:00'] } });
    const vitamin = added.body as Med;
    expect(vitamin.nextDoses).toHaveLength(3);
    expect(await status(own, 'post', mine, { cookie: patient.cookie, json: { name: '', dose: '1', schedule: { kind: 'asNeeded' } } })).toBe(422);
    expect(await status(own, 'post', mine, { cookie: patient.cookie, json: { name: 'X', dose: '1', schedule: { kind: 'asNeeded' }, critical: true } })).toBe(422);
    expect(await status(own, 'post', mine, { cookie: doctor.cookie, json: vitaminBody })).toBe(403);
    expect(await status(own, 'post', mine, { json: vitaminBody })).toBe(401);
    await bodyRefusals(own, 'post', mine, patient.cookie);

    // The doctor prescribes a critical one; a caregiver may not, an unlinked doctor gets 404.
    const insulinBody = { name: 'Insulin glargine', code: { system: 'ATC', code: 'A10AE04' }, dose: '18 units', route: 'subcutaneous', schedule: { kind: 'daily', times: ['21:30'] }, critical: true, instructions: 'Same time each night' };
    expectValidRequest(theirs, 'post', insulinBody);
    const prescribed = await call(theirs, 'post', hers, { cookie: doctor.cookie, json: insulinBody });
    expect(prescribed.status).toBe(201);
    expect(prescribed.body).toMatchObject({ prescriberId: doctor.id, critical: true, code: { system: 'ATC', code: 'A10AE04' }, instructions: 'Same time each night' });
    const insulin = prescribed.body as Med;
    expect(await status(theirs, 'post', hers, { cookie: doctor.cookie, json: { ...insulinBody, startedOn: '2026-01-10', endedOn: '2026-01-09' } })).toBe(422);
    expect(await status(theirs, 'post', hers, { cookie: viewer.cookie, json: insulinBody })).toBe(403);
    expect(await status(theirs, 'post', hers, { cookie: strangerDoctor.cookie, json: insulinBody })).toBe(404);
    expect(await status(theirs, 'post', hers, { json: insulinBody })).toBe(401);
    await bodyRefusals(theirs, 'post', hers, doctor.cookie);

    // Lists and single reads.
    const list = await call(own, 'get', mine, { cookie: patient.cookie });
    expect(list.status).toBe(200);
    expect((list.body as { medications: Med[] }).medications.map((m) => m.id).sort()).toEqual([vitamin.id, insulin.id].sort());
    const viaViewer = await call(theirs, 'get', hers, { cookie: viewer.cookie });
    expect(viaViewer.status).toBe(200);
    expect((viaViewer.body as { medications: Med[] }).medications.map((m) => m.id).sort()).toEqual([vitamin.id, insulin.id].sort());
    expect(await status(own, 'get', mine)).toBe(401);
    expect(await status(own, 'get', mine, { cookie: doctor.cookie })).toBe(403);
    expect(await status(theirs, 'get', hers)).toBe(401);
    expect(await status(theirs, 'get', hers, { cookie: patient.cookie })).toBe(403);
    expect(await status(theirs, 'get', hers, { cookie: strangerDoctor.cookie })).toBe(404);

    const one = `${own}/{medicationId}`;
    const theirOne = `${theirs}/{medicationId}`;
    expect((await call(one, 'get', `${mine}/${vitamin.id}`, { cookie: patient.cookie })).body).toMatchObject({ id: vitamin.id, name: 'Vitamin D' });
    expect((await call(theirOne, 'get', `${hers}/${insulin.id}`, { cookie: doctor.cookie })).body).toMatchObject({ id: insulin.id, critical: true });
    expect(await status(one, 'get', `${mine}/${vitamin.id}`, { cookie: otherPatient.cookie })).toBe(404);
    expect(await status(one, 'get', `${mine}/${nobody}`, { cookie: patient.cookie })).toBe(404);
    expect(await status(one, 'get', `${mine}/${vitamin.id}`)).toBe(401);
    expect(await status(one, 'get', `${mine}/${vitamin.id}`, { cookie: viewer.cookie })).toBe(403);
    expect(await status(theirOne, 'get', `${hers}/${insulin.id}`, { cookie: strangerDoctor.cookie })).toBe(404);
    expect(await status(theirOne, 'get', `${hers}/${nobody}`, { cookie: viewer.cookie })).toBe(404);
    expect(await status(theirOne, 'get', `${hers}/${insulin.id}`)).toBe(401);
    expect(await status(theirOne, 'get', `${hers}/${insulin.id}`, { cookie: patient.cookie })).toBe(403);

    // Changes are versions: the patient changes their own and may only stop a prescription; stopped stays stopped.
    expectValidRequest(one, 'patch', { dose: '2 capsules' });
    expectValidRequest(one, 'patch', { stopped: true });
    const changed = await call(one, 'patch', `${mine}/${vitamin.id}`, { cookie: patient.cookie, json: { dose: '2 capsules' } });
    expect(changed.body).toMatchObject({ status: 'active', dose: '2 capsules', version: 2 });
    expect(await status(one, 'patch', `${mine}/${vitamin.id}`, { cookie: patient.cookie, json: {} })).toBe(422);
    expect(await status(one, 'patch', `${mine}/${vitamin.id}`, { cookie: patient.cookie, json: { dose: '' } })).toBe(422);
    expect(await status(one, 'patch', `${mine}/${insulin.id}`, { cookie: patient.cookie, json: { dose: '40 units' } })).toBe(403);
    expect(await status(one, 'patch', `${mine}/${vitamin.id}`, { cookie: doctor.cookie, json: { dose: '3 capsules' } })).toBe(403);
    expect(await status(one, 'patch', `${mine}/${nobody}`, { cookie: patient.cookie, json: { dose: '3 capsules' } })).toBe(404);
    expect(await status(one, 'patch', `${mine}/${vitamin.id}`, { json: { dose: '3 capsules' } })).toBe(401);
    await bodyRefusals(one, 'patch', `${mine}/${vitamin.id}`, patient.cookie);

    const byDoctor = await call(theirOne, 'patch', `${hers}/${insulin.id}`, { cookie: doctor.cookie, json: { dose: '20 units' } });
    expect(byDoctor.body).toMatchObject({ dose: '20 units', version: 2, critical: true });
    expect(await status(theirOne, 'patch', `${hers}/${insulin.id}`, { cookie: doctor.cookie, json: { schedule: { kind: 'daily', times: [] } } })).toBe(422);
    expect(await status(theirOne, 'patch', `${hers}/${insulin.id}`, { cookie: viewer.cookie, json: { dose: '1 unit' } })).toBe(403);
    expect(await status(theirOne, 'patch', `${hers}/${insulin.id}`, { cookie: strangerDoctor.cookie, json: { dose: '1 unit' } })).toBe(404);
    expect(await status(theirOne, 'patch', `${hers}/${insulin.id}`, { json: { dose: '1 unit' } })).toBe(401);
    await bodyRefusals(theirOne, 'patch', `${hers}/${insulin.id}`, doctor.cookie);
    const stopped = await call(one, 'patch', `${mine}/${insulin.id}`, { cookie: patient.cookie, json: { stopped: true } });
    expect(stopped.body).toMatchObject({ status: 'stopped', version: 3, nextDoses: [], stoppedAt: expect.any(String) });
    expect(await status(one, 'patch', `${mine}/${insulin.id}`, { cookie: patient.cookie, json: { stopped: true } })).toBe(409);
    expect(await status(theirOne, 'patch', `${hers}/${insulin.id}`, { cookie: doctor.cookie, json: { dose: '22 units' } })).toBe(409);

    const versions = `${own}/{medicationId}/versions`;
    const theirVersions = `${theirs}/{medicationId}/versions`;
    const history = await call(versions, 'get', `${mine}/${insulin.id}/versions`, { cookie: patient.cookie });
    expect((history.body as { versions: { version: number; change: string }[] }).versions.map((v) => [v.version, v.change])).toEqual([[1, 'CREATED'], [2, 'UPDATED'], [3, 'STOPPED']]);
    expect((await call(theirVersions, 'get', `${hers}/${insulin.id}/versions`, { cookie: doctor.cookie })).body).toEqual(history.body);
    expect(await status(versions, 'get', `${mine}/${nobody}/versions`, { cookie: patient.cookie })).toBe(404);
    expect(await status(versions, 'get', `${mine}/${insulin.id}/versions`)).toBe(401);
    expect(await status(versions, 'get', `${mine}/${insulin.id}/versions`, { cookie: doctor.cookie })).toBe(403);
    expect(await status(theirVersions, 'get', `${hers}/${insulin.id}/versions`, { cookie: strangerDoctor.cookie })).toBe(404);
    expect(await status(theirVersions, 'get', `${hers}/${insulin.id}/versions`)).toBe(401);
    expect(await status(theirVersions, 'get', `${hers}/${insulin.id}/versions`, { cookie: patient.cookie })).toBe(403);

    // A prescription imported from FHIR without clock times: daily, times not set (never "as needed"); its first version has every version's shape.
    await storeImportedRecord(patient.id, [
      { kind: 'medication', medication: { sourceId: 'MedicationStatement/lisinopril', name: 'Lisinopril 10 mg', codeSystem: 'RXNORM', code: '314076', dosage: null, schedule: { kind: 'daily', times: [] }, startedOn: addDays(today, -30), endedOn: null, stopped: false } },
    ]);
    const withImported = (await call(own, 'get', mine, { cookie: patient.cookie })).body as { medications: (Med & { name: string })[] };
    const imported = withImported.medications.find((m) => m.name === 'Lisinopril 10 mg')!;
    expect(imported).toMatchObject({ dose: '', code: { system: 'RXNORM', code: '314076' }, prescriberId: null, schedule: { kind: 'daily', times: [] }, nextDoses: [] });
    const importedHistory = await call(theirVersions, 'get', `${hers}/${imported.id}/versions`, { cookie: viewer.cookie });
    expect(importedHistory.body).toMatchObject({ versions: [{ version: 1, change: 'CREATED', medication: { name: 'Lisinopril 10 mg', dose: '', schedule: { kind: 'daily', times: [] } } }] });

    // Doses: the patient logs yesterday's morning dose and an extra one; a caregiver with log permission the evening dose.
    const doses = `${own}/{medicationId}/doses`;
    const theirDoses = `${theirs}/{medicationId}/doses`;
    const morning = `${yesterday}T08:00:00.000Z`;
    const evening = `${yesterday}T20:00:00.000Z`;
    expectValidRequest(doses, 'post', { status: 'taken', takenAt: `${yesterday}T08:10:00Z` });
    const logged = await call(doses, 'post', `${mine}/${vitamin.id}/doses`, { cookie: patient.cookie, json: { status: 'taken', takenAt: `${yesterday}T08:10:00Z` } });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ scheduledFor: morning, status: 'taken', recordedById: patient.id });
    const extra = await call(doses, 'post', `${mine}/${vitamin.id}/doses`, { cookie: patient.cookie, json: { status: 'taken', takenAt: `${yesterday}T14:00:00Z` } });
    expect(extra.body).toMatchObject({ scheduledFor: null, status: 'taken' });
    expect(await status(doses, 'post', `${mine}/${vitamin.id}/doses`, { cookie: patient.cookie, json: { status: 'skipped', scheduledFor: morning, reason: 'nausea' } })).toBe(409);
    expect(await status(doses, 'post', `${mine}/${vitamin.id}/doses`, { cookie: patient.cookie, json: { status: 'forgot' } })).toBe(422);
    expect(await status(doses, 'post', `${mine}/${nobody}/doses`, { cookie: patient.cookie, json: { status: 'taken' } })).toBe(404);
    expect(await status(doses, 'post', `${mine}/${vitamin.id}/doses`, { json: { status: 'taken' } })).toBe(401);
    expect(await status(doses, 'post', `${mine}/${vitamin.id}/doses`, { cookie: logger.cookie, json: { status: 'taken' } })).toBe(403);
    await bodyRefusals(doses, 'post', `${mine}/${vitamin.id}/doses`, patient.cookie);

    const byLogger = await call(theirDoses, 'post', `${hers}/${vitamin.id}/doses`, { cookie: logger.cookie, json: { status: 'taken', scheduledFor: evening, takenAt: `${yesterday}T20:05:00Z` } });
    expect(byLogger.status).toBe(201);
    expect(byLogger.body).toMatchObject({ scheduledFor: evening, status: 'taken', recordedById: logger.id });
    expect(await status(theirDoses, 'post', `${hers}/${vitamin.id}/doses`, { cookie: logger.cookie, json: { status: 'skipped', scheduledFor: evening } })).toBe(409);
    expect(await status(theirDoses, 'post', `${hers}/${vitamin.id}/doses`, { cookie: logger.cookie, json: { status: 'taken', takenAt: 'yesterday' } })).toBe(422);
    expect(await status(theirDoses, 'post', `${hers}/${nobody}/doses`, { cookie: logger.cookie, json: { status: 'taken' } })).toBe(404);
    for (const who of [viewer, doctor]) expect(await status(theirDoses, 'post', `${hers}/${vitamin.id}/doses`, { cookie: who.cookie, json: { status: 'taken' } })).toBe(404);
    expect(await status(theirDoses, 'post', `${hers}/${vitamin.id}/doses`, { json: { status: 'taken' } })).toBe(401);
    await bodyRefusals(theirDoses, 'post', `${hers}/${vitamin.id}/doses`, logger.cookie);

    const days = `?from=${addDays(today, -2)}&to=${addDays(today, 1)}`;
    const listed = await call(doses, 'get', `${mine}/${vitamin.id}/doses${days}`, { cookie: patient.cookie });
    expect(listed.status).toBe(200);
    const dosesBody = listed.body as { from: string; to: string; planned: { scheduledFor: string; status: string; log: unknown }[]; extra: unknown[] };
    expect(dosesBody).toMatchObject({ from: addDays(today, -2), to: addDays(today, 1), extra: [{ scheduledFor: null, takenAt: `${yesterday}T14:00:00.000Z` }] });
    expect(dosesBody.planned.filter((d) => d.scheduledFor === morning || d.scheduledFor === evening)).toMatchObject([
      { status: 'taken', log: { recordedById: patient.id } },
      { status: 'taken', log: { recordedById: logger.id } },
    ]);
    expect(dosesBody.planned.at(-1)).toMatchObject({ scheduledFor: `${addDays(today, 1)}T20:00:00.000Z`, status: 'upcoming', log: null });
    const viaCarer = await call(theirDoses, 'get', `${hers}/${vitamin.id}/doses${days}`, { cookie: viewer.cookie });
    expect(viaCarer.status).toBe(200);
    expect((viaCarer.body as typeof dosesBody).extra).toEqual(dosesBody.extra);
    expect(await status(doses, 'get', `${mine}/${vitamin.id}/doses?from=${today}&to=${yesterday}`, { cookie: patient.cookie })).toBe(422);
    expect(await status(doses, 'get', `${mine}/${vitamin.id}/doses?days=7`, { cookie: patient.cookie })).toBe(422);
    expect(await status(doses, 'get', `${mine}/${nobody}/doses`, { cookie: patient.cookie })).toBe(404);
    expect(await status(doses, 'get', `${mine}/${vitamin.id}/doses`)).toBe(401);
    expect(await status(doses, 'get', `${mine}/${vitamin.id}/doses`, { cookie: viewer.cookie })).toBe(403);
    expect(await status(theirDoses, 'get', `${hers}/${vitamin.id}/doses?from=2026-02-30`, { cookie: doctor.cookie })).toBe(422);
    expect(await status(theirDoses, 'get', `${hers}/${vitamin.id}/doses`, { cookie: strangerDoctor.cookie })).toBe(404);
    expect(await status(theirDoses, 'get', `${hers}/${vitamin.id}/doses`)).toBe(401);
    expect(await status(theirDoses, 'get', `${hers}/${vitamin.id}/doses`, { cookie: patient.cookie })).toBe(403);

    // Adherence: yesterday's two planned doses, both taken (today's first one may have just been written as missed).
    const adherence = `${own}/adherence`;
    const theirAdherence = `${theirs}/adherence`;
    const rate = await call(adherence, 'get', `${mine}/adherence`, { cookie: patient.cookie });
    expect(rate.body).toMatchObject({ windows: [{ days: 7, taken: 2, late: 0, skipped: 0 }, { days: 14, taken: 2 }, { days: 30, taken: 2 }], medications: [{ id: vitamin.id, name: 'Vitamin D' }] });
    expect((await call(theirAdherence, 'get', `${hers}/adherence`, { cookie: doctor.cookie })).body).toEqual(rate.body);
    expect(await status(adherence, 'get', `${mine}/adherence`)).toBe(401);
    expect(await status(adherence, 'get', `${mine}/adherence`, { cookie: doctor.cookie })).toBe(403);
    expect(await status(theirAdherence, 'get', `${hers}/adherence`, { cookie: strangerDoctor.cookie })).toBe(404);
    expect(await status(theirAdherence, 'get', `${hers}/adherence`)).toBe(401);
    expect(await status(theirAdherence, 'get', `${hers}/adherence`, { cookie: patient.cookie })).toBe(403);
  }, 240_000); // under next dev each route compiles on its first call

  it('exercised every documented success of the routes that exist', () => {
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op['x-pending']) continue; // shares: their routes are on another branch
        for (const status of Object.keys(op.responses).filter((s) => s.startsWith('2'))) {
          expect(exercised, `no test answer for ${method.toUpperCase()} ${template} ${status}`).toContain(`${method} ${template} ${status}`);
        }
      }
    }
  });
});

describe('documented operations and route files', () => {
  const AREAS =
    /^\/api\/v1\/(devices|devices\/\{id\}\/sync|users\/me\/(samples|aggregates|summary|export|glucose\/metrics|glucose\/agp)|patients\/\{patientId\}\/(samples|aggregates|summary|glucose\/metrics|glucose\/agp)|(users\/me|patients\/\{patientId\})\/medications(\/adherence|\/\{medicationId\}(\/versions|\/doses)?)?|imports(\/\{id\})?|shares(\/.*)?)$/;

  async function routeFiles(): Promise<Map<string, string[]>> {
    const dir = path.join(ROOT, 'app/api/v1');
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('route.ts'));
    const routes = new Map<string, string[]>();
    for (const file of files) {
      const template = `/api/v1/${path.dirname(file).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
      const source = await readFile(path.join(dir, file), 'utf8');
      const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
      routes.set(template, methods);
    }
    return routes;
  }

  it('every method of the documented areas’ route files is in the document, and every documented operation has its route', async () => {
    const routes = await routeFiles();
    for (const [template, methods] of routes) {
      if (!AREAS.test(template)) continue;
      for (const method of methods) expect(doc.paths[template]?.[method], `${method.toUpperCase()} ${template} is not documented`).toBeDefined();
    }
    for (const [template, methods] of Object.entries(doc.paths)) {
      expect(template, `${template} is outside the documented areas`).toMatch(AREAS);
      for (const [method, op] of Object.entries(methods)) {
        // A pending (shares) operation needs its route only once the route file exists.
        if (op['x-pending'] && !routes.has(template)) continue;
        expect(routes.get(template), `${method.toUpperCase()} ${template} has no route file`).toBeDefined();
        expect(routes.get(template), `${template} does not export ${method.toUpperCase()}`).toContain(method);
      }
    }
  });
});
