// The share operations (app/api/v1/shares).
import { errors, json, type Operation } from './operation';
import { createShareRequest, createdShare, shareList } from './shares';

const common = { tag: 'Shares', callers: ['PATIENT'] as const };

export const SHARE_OPERATIONS: Operation[] = [
  {
    ...common,
    method: 'post',
    path: '/api/v1/shares',
    operationId: 'createShare',
    summary: 'Share chosen types and dates until a time',
    body: { contentType: 'application/json', schema: createShareRequest },
    responses: { 201: { description: 'Created; a link share’s code and link are shown only now.', content: json(createdShare) }, ...errors(400, 401, 403, 415, 422) },
  },
  {
    ...common,
    method: 'get',
    path: '/api/v1/shares',
    operationId: 'listShares',
    callers: ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const,
    summary: 'The caller’s shares (without codes)',
    responses: { 200: { description: 'The shares.', content: json(shareList) }, ...errors(401, 403) },
  },
  {
    ...common,
    method: 'delete',
    path: '/api/v1/shares/{id}',
    operationId: 'revokeShare',
    summary: 'Revoke a share',
    pathParams: { id: 'The share id.' },
    responses: { 204: { description: 'Revoked.' }, ...errors(401, 403, 404) },
  },
];
