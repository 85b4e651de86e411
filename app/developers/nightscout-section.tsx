// 6. Nightscout uploaders: what the patient creates, the upload as the apps make it, and what to type into
// each app (components/nightscout/client-instructions.ts, the same guides the devices page shows).
import { clientGuides, SECRET_PLACEHOLDER } from '@/components/nightscout/client-instructions';
import { EXAMPLE_ORIGIN, EXAMPLES } from '@/lib/docs/integrator-examples';
import { translator } from '@/lib/i18n/messages';
import { C, h2, HttpExampleView, p } from './code';

const SITE = `${EXAMPLE_ORIGIN}/ns/SITE_ID/`;
// The guides' placeholders written as the examples write them.
const asExamples = (value: string) => value.replaceAll('SITE_ID', '<siteId>').replaceAll(SECRET_PLACEHOLDER, '<apiSecret>');

export function NightscoutSection() {
  const nav = translator('en', 'nav');
  const t = translator('en', 'nightscout');
  return (
    <section aria-labelledby="nightscout">
      <h2 id="nightscout" className={h2}>6. Nightscout uploaders</h2>
      <p className={p}>
        CGM and loop apps that upload to Nightscout can upload to Pulse unchanged: it answers Nightscout’s API v1
        (entries, treatments, devicestatus, profile) and API v3. The patient creates an uploader under{' '}
        <strong>{nav('links.devices')}</strong> → <strong>{t('section.title')}</strong> → <strong>{t('create.submit')}</strong>{' '}
        (or <C>POST /api/v1/nightscout-sites</C> with the session) and gets its base URL and API secret, the secret
        once. Each app that uploads becomes a data source of its own; two apps relaying one sensor count once.
      </p>
      <HttpExampleView example={EXAMPLES.nightscoutSite}>Create an uploader</HttpExampleView>
      <HttpExampleView example={EXAMPLES.nightscoutEntries}>
        Upload a reading as the apps do (they send the SHA-1 hex of the secret in <C>api-secret</C>; the secret itself works too)
      </HttpExampleView>
      <ul className="mt-4 space-y-3">
        {clientGuides({ baseUrl: SITE, secret: null }).map((guide) => (
          <li key={guide.id} className="rounded-lg border border-slate-200 p-3">
            <p className="font-semibold text-slate-900">{guide.app} <span className="font-normal text-slate-600">({guide.platform})</span></p>
            <p className="text-sm text-slate-700">{guide.where.join(' → ')}</p>
            {guide.fields.length > 0 && (
              <dl className="mt-1 text-sm">
                {guide.fields.map((field) => (
                  <div key={field.label} className="mt-1">
                    <dt className="inline font-medium">{field.label}: </dt>
                    <dd className="inline break-all font-mono">{field.hint ? `<${t(`instructions.hints.${field.hint}`)}>` : asExamples(field.value)}</dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="mt-1 text-sm text-slate-700">{t(`instructions.notes.${guide.note}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
