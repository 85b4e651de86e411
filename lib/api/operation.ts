// How one documented operation is described: plain data with zod schemas, turned into OpenAPI by
// openapi.ts. Error responses all carry the one error shape.
import type { z } from 'zod';
import type { Role } from '../generated/prisma/enums';
import { errorBody } from './common';

export type Response = {
  description: string;
  /** Content type → body schema (null: a body that JSON Schema does not describe, e.g. CSV). */
  content?: Record<string, z.ZodType | null>;
  headers?: Record<string, { description: string; schema: z.ZodType }>;
};

export type Operation = {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI path template, `{param}` for each dynamic segment of the route folder. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** Who may call it: a device with its bearer token, or signed-in people with one of these roles. */
  callers: 'device' | readonly Role[];
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  queryDocs?: Record<string, string>;
  headers?: Record<string, { description: string; required?: boolean; schema: z.ZodType }>;
  body?: { contentType: string; schema: z.ZodType };
  responses: Record<number, Response>;
  /** Documented from an agreed contract before its routes exist (shares). */
  pending?: boolean;
};

export const json = (schema: z.ZodType) => ({ 'application/json': schema });

const ERROR_MEANING: Record<number, string> = {
  400: 'Malformed request (bad JSON, bad header).',
  401: 'Not signed in, or no valid token.',
  403: 'Signed in with a role that may not call this.',
  404: 'Not found, or not yours to see (never a hint that it exists).',
  409: 'Conflicts with the current state.',
  413: 'Body too large.',
  415: 'Wrong Content-Type.',
  422: 'Validation failed; `details` names each field and why.',
};

/** Error responses for these statuses, with the default meaning or a more specific one. */
export function errors(...statuses: (number | [number, string])[]): Record<number, Response> {
  return Object.fromEntries(
    statuses.map((s) => {
      const [status, description] = Array.isArray(s) ? s : [s, ERROR_MEANING[s] ?? 'Error.'];
      return [status, { description, content: json(errorBody) }];
    }),
  );
}
