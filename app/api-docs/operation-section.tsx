// One documented operation on the API docs page: method and path, description, parameters, bodies.
type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Media = Record<string, { schema: Schema }>;
export type OperationView = {
  operationId: string;
  summary: string;
  description: string;
  parameters?: Parameter[];
  requestBody?: { content: Media };
  responses: Record<string, { description: string; content?: Media }>;
};

const METHOD_COLOURS: Record<string, string> = {
  get: 'bg-sky-100 text-sky-900',
  post: 'bg-emerald-100 text-emerald-900',
  delete: 'bg-rose-100 text-rose-900',
};

function SchemaBlock({ label, schema }: { label: string; schema: Schema }) {
  return (
    <figure className="mt-2">
      <figcaption className="text-sm font-medium text-slate-700">{label}</figcaption>
      <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs text-slate-900" tabIndex={0}>
        {JSON.stringify(schema, null, 2)}
      </pre>
    </figure>
  );
}

function Parameters({ parameters }: { parameters: Parameter[] }) {
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="sr-only">Parameters</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">Name</th>
          <th scope="col" className="py-1 pr-3">In</th>
          <th scope="col" className="py-1 pr-3">Required</th>
          <th scope="col" className="py-1 pr-3">Type</th>
          <th scope="col" className="py-1">Description</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={`${p.in}:${p.name}`} className="border-b border-slate-100 align-top">
            <td className="py-1 pr-3 font-mono">{p.name}</td>
            <td className="py-1 pr-3">{p.in}</td>
            <td className="py-1 pr-3">{p.required ? 'yes' : 'no'}</td>
            <td className="py-1 pr-3 font-mono text-xs">{JSON.stringify(p.schema)}</td>
            <td className="py-1">{p.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OperationSection({ method, path, op }: { method: string; path: string; op: OperationView }) {
  const headingId = `op-${op.operationId}`;
  return (
    <section aria-labelledby={headingId} className="mt-6 rounded border border-slate-200 p-4">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-sm uppercase ${METHOD_COLOURS[method] ?? 'bg-slate-100'}`}>{method}</span>
        <code className="font-mono text-base">{path}</code>
      </h3>
      <p className="mt-1 font-medium">{op.summary}</p>
      {op.description.split('\n\n').map((paragraph) => (
        <p key={paragraph} className="mt-1 text-sm text-slate-700">{paragraph}</p>
      ))}
      {op.parameters && (
        <>
          <h4 className="mt-3 font-semibold">Parameters</h4>
          <Parameters parameters={op.parameters} />
        </>
      )}
      {op.requestBody && (
        <>
          <h4 className="mt-3 font-semibold">Request body</h4>
          {Object.entries(op.requestBody.content).map(([type, media]) => (
            <SchemaBlock key={type} label={type} schema={media.schema} />
          ))}
        </>
      )}
      <h4 className="mt-3 font-semibold">Responses</h4>
      <dl>
        {Object.entries(op.responses).map(([status, r]) => (
          <div key={status} className="mt-2">
            <dt className="font-mono font-semibold">{status}</dt>
            <dd className="text-sm">
              {r.description}
              {Object.entries(r.content ?? {}).map(([type, media]) => (
                <SchemaBlock key={type} label={type} schema={media.schema} />
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
