// Builds the OpenAPI 3.1 document of the public API from the zod schemas in lib/api (zod 4's
// z.toJSONSchema, JSON Schema 2020-12). Schemas with a `.meta({ id })` become components.schemas and are
// referenced with $ref; everything else is inlined where it is used.
import { z } from 'zod';
import type { Operation, Response } from './operation';
import { OPERATIONS } from './operations';

type JsonSchema = { [key: string]: unknown };
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

const COMPONENT_REF = '#/components/schemas/';

/** Converts zod schemas, moving each named schema into one shared components map. */
function schemaCollector() {
  const components: Record<string, JsonSchema> = {};
  const toRefs = (value: unknown): JsonSchema => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', `"${COMPONENT_REF}`));
  function convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const { $schema, $defs, ...root } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as JsonSchema;
    void $schema;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, unknown>)) {
      const converted = toRefs(def);
      // One name, one schema: a request and a response may not see the same component differently.
      if (components[id] && JSON.stringify(components[id]) !== JSON.stringify(converted)) {
        throw new Error(`schema ${id} converts differently as ${io}; give the ${io} variant its own id`);
      }
      components[id] = converted;
    }
    return toRefs(root);
  }
  return { components, convert };
}

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'next-auth.session-token',
    description: 'A person’s session from signing in (POST /api/auth/callback/credentials). Over HTTPS the cookie is `__Secure-next-auth.session-token`.',
  },
  deviceToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'hdt_…',
    description: 'The device token shown once when the device is registered (POST /api/v1/devices).',
  },
};

export function callersText(op: Operation): string {
  if (op.callers === 'device') return 'A device, with its bearer token.';
  return `Signed-in ${op.callers.map((r) => r.toLowerCase()).join(', ')}.`;
}

function parameters(op: Operation, convert: (s: z.ZodType, io: 'input' | 'output') => JsonSchema) {
  const path = Object.entries(op.pathParams ?? {}).map(([name, description]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string', format: 'uuid' },
  }));
  const query = op.query ? convert(op.query, 'input') : { properties: {}, required: [] };
  const required = new Set((query.required ?? []) as string[]);
  const queryParams = Object.entries((query.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    description: op.queryDocs?.[name] ?? schema.description,
    schema,
  }));
  const headers = Object.entries(op.headers ?? {}).map(([name, h]) => ({
    name,
    in: 'header',
    required: h.required ?? false,
    description: h.description,
    schema: convert(h.schema, 'input'),
  }));
  return [...path, ...queryParams, ...headers];
}

function response(r: Response, convert: (s: z.ZodType, io: 'input' | 'output') => JsonSchema) {
  const content = r.content
    ? Object.fromEntries(Object.entries(r.content).map(([type, schema]) => [type, { schema: schema ? convert(schema, 'output') : { type: 'string' } }]))
    : undefined;
  const headers = r.headers
    ? Object.fromEntries(Object.entries(r.headers).map(([name, h]) => [name, { description: h.description, schema: convert(h.schema, 'output') }]))
    : undefined;
  return { description: r.description, ...(headers && { headers }), ...(content && { content }) };
}

function operationObject(op: Operation, convert: (s: z.ZodType, io: 'input' | 'output') => JsonSchema) {
  const params = parameters(op, convert);
  return {
    tags: [op.tag],
    operationId: op.operationId,
    summary: op.summary,
    description: [op.pending ? 'Pending: documented from the agreed contract; may change when the routes land.' : null, op.description, `Who may call: ${callersText(op)}`]
      .filter(Boolean)
      .join('\n\n'),
    security: [op.callers === 'device' ? { deviceToken: [] } : { session: [] }],
    'x-callers': op.callers === 'device' ? ['device'] : op.callers,
    ...(op.pending && { 'x-pending': true }),
    ...(params.length > 0 && { parameters: params }),
    ...(op.body && { requestBody: { required: true, content: { [op.body.contentType]: { schema: convert(op.body.schema, 'input') } } } }),
    responses: Object.fromEntries(Object.entries(op.responses).map(([status, r]) => [status, response(r, convert)])),
  };
}

export function buildOpenApiDocument() {
  const { components, convert } = schemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationObject(op, convert);
  }
  const tags = [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.0' as const,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Pulse public API',
      version: '1.0.0',
      description:
        'Device sync, reads of own and cared-for patients’ data, imports, exports and shares. Every error has the shape `{ "error": { "code", "message", "details"? } }`; data you may not see is a 404.',
    },
    tags,
    paths,
    components: { schemas: components, securitySchemes: SECURITY_SCHEMES },
  };
}

let cached: OpenApiDocument | undefined;

/** The document, built once per process (the schemas do not change at run time). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
