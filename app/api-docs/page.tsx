// /api-docs — the public API's reference, rendered on the server from the same OpenAPI document that
// /api/openapi.json serves (no external scripts). Operations are grouped by tag; named schemas follow.
import type { Metadata } from 'next';
import { openApiDocument } from '@/lib/api/openapi';
import { OperationSection, type OperationView } from './operation-section';

export const metadata: Metadata = { title: 'API reference — Pulse' };

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export default function ApiDocsPage() {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as OperationView & { tags: string[] } })),
  );
  return (
    <div className="mx-auto max-w-5xl p-6">
      <header>
        <h1 className="text-3xl font-semibold">{doc.info.title}</h1>
        <p className="mt-2 text-slate-700">{doc.info.description}</p>
        <p className="mt-2 text-sm">
          OpenAPI {doc.openapi} document: <a className="text-sky-800 underline" href="/api/openapi.json">/api/openapi.json</a>
        </p>
        <p className="mt-2 text-sm">
          Registering a device, syncing with the sync client or curl, errors, idempotency and rate limits, with worked
          examples: the <a className="text-sky-800 underline" href="/developers">integrator guide</a>.
        </p>
      </header>
      <nav aria-label="API sections" className="mt-4">
        <ul className="flex flex-wrap gap-3 text-sm">
          {doc.tags.map((tag) => (
            <li key={tag.name}>
              <a className="text-sky-800 underline" href={`#${slug(tag.name)}`}>{tag.name}</a>
            </li>
          ))}
          <li>
            <a className="text-sky-800 underline" href="#schemas">Schemas</a>
          </li>
        </ul>
      </nav>
      <main>
        <section aria-labelledby="authentication" className="mt-6">
          <h2 id="authentication" className="text-2xl font-semibold">Authentication</h2>
          <dl className="mt-2 text-sm">
            {Object.entries(doc.components.securitySchemes).map(([name, scheme]) => (
              <div key={name} className="mt-1">
                <dt className="font-mono font-semibold">{name}</dt>
                <dd>{scheme.description}</dd>
              </div>
            ))}
          </dl>
        </section>
        {doc.tags.map((tag) => (
          <section key={tag.name} aria-labelledby={slug(tag.name)} className="mt-8">
            <h2 id={slug(tag.name)} className="text-2xl font-semibold">{tag.name}</h2>
            {operations
              .filter(({ op }) => op.tags.includes(tag.name))
              .map(({ path, method, op }) => (
                <OperationSection key={`${method} ${path}`} method={method} path={path} op={op} />
              ))}
          </section>
        ))}
        <section aria-labelledby="schemas" className="mt-8">
          <h2 id="schemas" className="text-2xl font-semibold">Schemas</h2>
          <p className="text-sm text-slate-700">A <code>$ref</code> of <code>#/components/schemas/Name</code> points to the schema of that name below.</p>
          {Object.entries(doc.components.schemas).map(([name, schema]) => (
            <section key={name} aria-labelledby={`schema-${name}`} className="mt-4">
              <h3 id={`schema-${name}`} className="font-mono text-lg font-semibold">{name}</h3>
              <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs" tabIndex={0}>
                {JSON.stringify(schema, null, 2)}
              </pre>
            </section>
          ))}
        </section>
      </main>
    </div>
  );
}
