// /developers — the integrator guide: register a device, sync with the sync client or plain HTTP, the
// error contract, idempotency, rate limits, Nightscout uploaders. Public. Its examples come from
// lib/docs (replayed against the server by lib/docs/integrator-examples.test.ts). English developer
// documentation, as /api-docs; the header around it follows the reader's language.
import type { Metadata } from 'next';
import { a, p } from './code';
import { ErrorsSection } from './errors-section';
import { NightscoutSection } from './nightscout-section';
import { RegisterSection } from './register-section';
import { IdempotencySection, RateLimitSection } from './retries-section';
import { SiteHeader } from './site-header';
import { SyncSection } from './sync-section';

export const metadata: Metadata = { title: 'Integrator guide — Pulse' };

const CONTENTS = [
  ['register', '1. Register a device'],
  ['sync', '2. Sync samples'],
  ['errors', '3. Errors'],
  ['idempotency', '4. Idempotency'],
  ['rate-limits', '5. Rate limits and retries'],
  ['nightscout', '6. Nightscout uploaders'],
] as const;

export default function DevelopersPage() {
  return (
    <>
      <SiteHeader />
      <main lang="en" className="mx-auto max-w-3xl px-4 pt-6 pb-16 sm:px-6">
        <h1 className="text-3xl font-semibold text-slate-900">Integrator guide</h1>
        <p className={p}>
          How a device, an app or a script sends health data to Pulse: register the device, sync samples with the sync
          client or with plain HTTP, and handle errors, retries and rate limits. Every request and answer shown here is
          replayed against a real Pulse server by its tests. Every endpoint and schema is in the{' '}
          <a className={a} href="/api-docs">API reference</a> (OpenAPI: <a className={a} href="/api/openapi.json">/api/openapi.json</a>).
        </p>
        <nav aria-label="On this page" className="mt-4">
          <ul className="space-y-1 text-sm">
            {CONTENTS.map(([id, title]) => (
              <li key={id}><a className={a} href={`#${id}`}>{title}</a></li>
            ))}
          </ul>
        </nav>
        <RegisterSection />
        <SyncSection />
        <ErrorsSection />
        <IdempotencySection />
        <RateLimitSection />
        <NightscoutSection />
      </main>
    </>
  );
}
