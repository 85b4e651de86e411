// Every documented operation of the public API: device sync, devices, reads, imports, export, medications
// (kept in medication-operations.ts) and the pending shares contract (shares-operations.ts). The route
// files under app/api/v1 are the truth; openapi.test.ts checks each is documented here and each documented
// path has a route file.
import { z } from 'zod';
import { errorBody, idempotencyKeyHeader, replayedHeader } from './common';
import { glucoseAgp, glucoseMetrics, glucosePeriodQuery } from './glucose';
import { deviceList, registerDeviceRequest, registeredDevice } from './devices';
import { importCreated, importList, importStatus, importUpload } from './imports';
import { MEDICATION_OPERATIONS } from './medication-operations';
import { errors, json, type Operation, type Response } from './operation';
import { aggregatesByType, aggregatesQuery, dailySummary, exportQuery, fhirBundle, sampleColumns, samplePage, samplesQuery, summaryQuery } from './reads';
import { SHARE_OPERATIONS } from './shares-operations';
import { syncAllRejected, syncRequest, syncResponse } from './sync';

const READ_DOCS = {
  type: 'One health type; all types when absent.',
  from: 'Samples starting at or after this instant (ISO-8601 with offset).',
  to: 'Samples starting before this instant (ISO-8601 with offset).',
  limit: 'Page size, 1..5000 (default 500).',
  cursor: 'The `nextCursor` of the previous page.',
  types: 'Comma-separated health types, e.g. STEPS,HEART_RATE.',
  period: 'Bucket size; days, weeks and months are the patient’s local calendar.',
  date: 'Local day, YYYY-MM-DD; today (patient’s time zone) when absent.',
  format: '`rows` (default): the list of samples; `columns`: the same page as one array per field (SampleColumns), for a `type` that must be given.',
};
const AGG_DOCS = { ...READ_DOCS, from: 'First local day, YYYY-MM-DD (default 30 days ago).', to: 'Last local day, YYYY-MM-DD (default today).' };

type ReadKind = 'samples' | 'aggregates' | 'summary';
const READS: Record<ReadKind, { query: z.ZodObject; body: z.ZodType; summary: string; docs: Record<string, string>; conditional: boolean }> = {
  samples: { query: samplesQuery, body: z.union([samplePage, sampleColumns]), summary: 'Raw samples, time-ordered and paginated', docs: READ_DOCS, conditional: false },
  aggregates: { query: aggregatesQuery, body: aggregatesByType, summary: 'Aggregates per period after dedup', docs: AGG_DOCS, conditional: true },
  summary: { query: summaryQuery, body: dailySummary, summary: 'One day’s value per type', docs: READ_DOCS, conditional: true },
};

// Conditional reads (lib/http/conditional.ts): only a complete period has an ETag.
const COMPLETE =
  'A complete period (every day before the patient’s today, and nothing pending in the pipeline for them) carries an `ETag` and `Cache-Control: private, no-cache`; send it back in `If-None-Match` to get 304 while the answer is unchanged. Any other answer is `Cache-Control: no-store`, without an ETag.';
const ETAG = { description: 'Strong validator of this exact answer; only on complete periods.', schema: z.string() };
const IF_NONE_MATCH = { 'If-None-Match': { description: 'The ETag of an earlier answer: 304 while the answer is unchanged.', schema: z.string() } };
const NOT_MODIFIED: Response = { description: 'Unchanged since the ETag sent in If-None-Match (a complete period); no body. Authorized and audited as any read.', headers: { ETag: ETAG } };

function readOperations(kind: ReadKind): Operation[] {
  const read = READS[kind];
  const success = (description: string): Record<number, Response> =>
    read.conditional ? { 200: { description, content: json(read.body), headers: { ETag: ETAG } }, 304: NOT_MODIFIED } : { 200: { description, content: json(read.body) } };
  const common = { method: 'get' as const, tag: 'Reads', query: read.query, queryDocs: read.docs, ...(read.conditional && { headers: IF_NONE_MATCH }) };
  return [
    {
      ...common,
      path: `/api/v1/users/me/${kind}`,
      operationId: `getOwn${kind[0]!.toUpperCase()}${kind.slice(1)}`,
      summary: `${read.summary} (own data)`,
      ...(read.conditional && { description: COMPLETE }),
      callers: ['PATIENT', 'DOCTOR', 'CAREGIVER', 'ADMIN'],
      responses: { ...success('The caller’s own data.'), ...errors(401, 422) },
    },
    {
      ...common,
      path: `/api/v1/patients/{patientId}/${kind}`,
      operationId: `getPatient${kind[0]!.toUpperCase()}${kind.slice(1)}`,
      summary: `${read.summary} (a cared-for patient)`,
      description: ['For a doctor, or a caregiver with view permission, with an active care relationship to the patient. Every read is audited.', read.conditional ? COMPLETE : ''].join(' ').trim(),
      callers: ['DOCTOR', 'CAREGIVER'],
      pathParams: { patientId: 'The patient’s user id.' },
      responses: { ...success('The patient’s data.'), ...errors(401, 404, 422) },
    },
  ];
}

const PERIOD_DOCS = { from: 'First local day of the patient, YYYY-MM-DD (default: 13 days before to).', to: 'Last local day, included (default: today in the patient’s zone); at most 366 days.' };
const GLUCOSE_READS = [
  { kind: 'metrics', body: glucoseMetrics, summary: 'Consensus glucose metrics of a period', name: 'GlucoseMetrics' },
  { kind: 'agp', body: glucoseAgp, summary: 'Ambulatory Glucose Profile of a period', name: 'GlucoseAgp' },
] as const;

const glucoseOperations: Operation[] = GLUCOSE_READS.flatMap((read) => {
  const common = { method: 'get' as const, tag: 'Reads', query: glucosePeriodQuery, queryDocs: PERIOD_DOCS };
  return [
    {
      ...common,
      path: `/api/v1/users/me/glucose/${read.kind}`,
      operationId: `getOwn${read.name}`,
      summary: `${read.summary} (own data)`,
      callers: ['PATIENT', 'DOCTOR', 'CAREGIVER', 'ADMIN'] as const,
      responses: { 200: { description: 'The caller’s own glucose.', content: json(read.body) }, ...errors(401, 422) },
    },
    {
      ...common,
      path: `/api/v1/patients/{patientId}/glucose/${read.kind}`,
      operationId: `getPatient${read.name}`,
      summary: `${read.summary} (a cared-for patient)`,
      description: 'For a doctor, or a caregiver with view permission, with an active care relationship to the patient, or within a share covering BLOOD_GLUCOSE. The days are the patient’s. Every read is audited.',
      callers: ['DOCTOR', 'CAREGIVER'] as const,
      pathParams: { patientId: 'The patient’s user id.' },
      responses: { 200: { description: 'The patient’s glucose.', content: json(read.body) }, ...errors(401, 404, 422) },
    },
  ];
});

const sync: Operation = {
  method: 'post',
  path: '/api/v1/devices/{id}/sync',
  operationId: 'syncDeviceSamples',
  tag: 'Device sync',
  summary: 'Push samples from a device',
  description:
    'Validates each sample on its own: bad ones come back in `rejected` (by index), good ones are stored in one transaction before the answer. Retrying with the same Idempotency-Key and body replays the first answer.',
  callers: 'device',
  pathParams: { id: 'The device id (must be the device the token belongs to).' },
  headers: idempotencyKeyHeader,
  body: { contentType: 'application/json', schema: syncRequest },
  responses: {
    200: {
      description: 'Stored: counts of new and duplicate samples, and the rejected ones.',
      content: json(syncResponse),
      headers: replayedHeader,
    },
    ...errors([400, 'Malformed JSON or a bad Idempotency-Key.'], [401, 'No token, or an unknown or revoked one.'], [404, 'The id is not the token’s device.'], [413, 'Body over 8 MiB or more than 5000 samples.'], 415),
    422: {
      description: 'Every sample rejected (the error shape plus the counters), a body without a `samples` array, or an Idempotency-Key reused with a different body.',
      content: json(z.union([syncAllRejected, errorBody])),
    },
  },
};

const devices: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/devices',
    operationId: 'listDevices',
    tag: 'Devices',
    summary: 'The caller’s devices (never their tokens)',
    callers: ['PATIENT'],
    responses: { 200: { description: 'Highest priority first.', content: json(deviceList) }, ...errors(401, 403) },
  },
  {
    method: 'post',
    path: '/api/v1/devices',
    operationId: 'registerDevice',
    tag: 'Devices',
    summary: 'Register a device; its token is shown once',
    callers: ['PATIENT'],
    body: { contentType: 'application/json', schema: registerDeviceRequest },
    responses: { 201: { description: 'Registered.', content: json(registeredDevice) }, ...errors(400, 401, 403, 413, 415, 422) },
  },
];

const imports: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/imports',
    operationId: 'createImport',
    tag: 'Imports',
    summary: 'Upload an export from another system',
    description: 'The file is streamed to disk and imported in the background, with the same validation and dedup as sync; poll the import for progress. export.xml inside a zip may inflate to at most IMPORT_MAX_UNCOMPRESSED_BYTES (8 GiB) and IMPORT_MAX_COMPRESSION_RATIO (100) times its compressed size; past either the import fails with the reason.',
    callers: ['PATIENT'],
    body: { contentType: 'multipart/form-data', schema: importUpload },
    responses: {
      202: { description: 'Accepted; the import runs in the background.', content: json(importCreated) },
      ...errors([400, 'Malformed multipart body, or a multipart Content-Type without its boundary.'], 401, 403, [413, 'File over the size limit.'], [415, 'Not multipart/form-data.'], [422, 'No file, an empty file, an unknown format or an unrecognized file.']),
    },
  },
  {
    method: 'get',
    path: '/api/v1/imports',
    operationId: 'listImports',
    tag: 'Imports',
    summary: 'The caller’s recent imports',
    callers: ['PATIENT'],
    responses: { 200: { description: 'Newest first.', content: json(importList) }, ...errors(401, 403) },
  },
  {
    method: 'get',
    path: '/api/v1/imports/{id}',
    operationId: 'getImport',
    tag: 'Imports',
    summary: 'One import’s status and progress',
    callers: ['PATIENT'],
    pathParams: { id: 'The import id from the upload’s answer.' },
    responses: { 200: { description: 'Status, progress and counts.', content: json(importStatus) }, ...errors(401, 403, 404) },
  },
];

const exportOperation: Operation = {
  method: 'get',
  path: '/api/v1/users/me/export',
  operationId: 'exportOwnData',
  tag: 'Exports',
  summary: 'Download the caller’s data (CSV or FHIR R4)',
  description: 'Streamed as an attachment. Readings are the ones that count after dedup; days are the caller’s local days.',
  callers: ['PATIENT'],
  query: exportQuery,
  responses: {
    200: {
      description: 'The file (Content-Disposition: attachment).',
      content: { 'text/csv': null, 'application/fhir+json': fhirBundle },
    },
    ...errors(401, 403, [422, 'Bad query: format, kind, types, from/to (a range of at most 3660 days; fhir needs kind=samples).']),
  },
};

export const OPERATIONS: readonly Operation[] = [
  sync,
  ...devices,
  ...readOperations('samples'),
  ...readOperations('aggregates'),
  ...readOperations('summary'),
  ...glucoseOperations,
  ...imports,
  exportOperation,
  ...MEDICATION_OPERATIONS,
  ...SHARE_OPERATIONS,
];
