// 2. Syncing: with the sync client (its example runs in the tests) or with plain HTTP (the request, the
// sample's fields, the answer), and the health types the server takes, from the catalogue itself.
import { CLIENT_EXAMPLE } from '@/lib/docs/client-example';
import { EXAMPLES } from '@/lib/docs/integrator-examples';
import { getHealthType, HEALTH_TYPES, isCategoryType } from '@/lib/health';
import { MAX_BODY_BYTES, MAX_SAMPLES } from '@/lib/ingest/sync-batch';
import { MAX_BATCH } from '@/packages/sync-client/src/batch';
import { a, C, CodeBlock, h2, h3, HttpExampleView, p, TableScroll, td, th } from './code';

const n = (value: number) => value.toLocaleString('en');
const duration = (seconds: number) => (seconds >= 3600 ? `${seconds / 3600} h` : `${seconds / 60} min`);

function HealthTypes() {
  return (
    <TableScroll label="Health types">
      <thead>
        <tr>
          <th scope="col" className={th}>type</th><th scope="col" className={th}>unit, or value for labelled intervals</th>
          <th scope="col" className={th}>plausible range</th><th scope="col" className={th}>longest interval</th>
        </tr>
      </thead>
      <tbody>
        {HEALTH_TYPES.map((type) => {
          const def = getHealthType(type);
          const labels = isCategoryType(type);
          const aliases = Object.keys(def.categoryAliases ?? {});
          return (
            <tr key={type}>
              <td className={`${td} font-mono`}>{type}</td>
              <td className={`${td} font-mono`}>
                {labels ? `${def.categoryValues?.join(', ')}${aliases.length > 0 ? ` (also ${aliases.join(', ')})` : ''}` : def.acceptedUnits.join(', ')}
                {!labels && def.categoryValues && <span className="block font-sans">category: {def.categoryValues.join(', ')} (optional)</span>}
              </td>
              <td className={td}>{labels ? '—' : `${def.range.min}–${def.range.max} ${def.canonicalUnit}`}</td>
              <td className={td}>{duration(def.maxDurationSeconds)}</td>
            </tr>
          );
        })}
      </tbody>
    </TableScroll>
  );
}

const FIELDS: [string, string][] = [
  ['type', 'A health type (table below).'],
  ['value', 'A number in one of the type’s units; for labelled intervals (sleep states, menstrual flow, workouts), the label.'],
  ['unit', 'One of the type’s units; converted to the canonical unit, then checked against the plausible range. Not needed for labels.'],
  ['startDate, endDate', 'ISO-8601 with an offset (Z or ±hh:mm), not before 1970; endDate not before startDate and at most 10 minutes in the future. A reading has both the same.'],
  ['clientRecordId', 'Optional, up to 256 characters: your record’s id. The same id again is a duplicate; with a higher version it replaces the stored sample. Without one, a sample with the type, start and end of one this device sent is a duplicate, whatever its value.'],
  ['version', 'Optional integer ≥ 0, with a clientRecordId.'],
  ['metadata', 'Optional JSON object (at most 4,096 bytes, 8 levels), stored encrypted. For glucose, a specimen (e.g. "specimen_source": "interstitial fluid") marks a CGM reading.'],
  ['category', 'INSULIN only, optional: its kind.'],
];

export function SyncSection() {
  return (
    <section aria-labelledby="sync">
      <h2 id="sync" className={h2}>2. Sync samples</h2>
      <h3 className={h3}>With the sync client (TypeScript)</h3>
      <p className={p}>
        <C>@pulse/sync-client</C> (<C>packages/sync-client</C> in the Pulse repository; its README documents it
        all) runs in Node 20+ and in browsers. It writes samples to a local queue first, encrypted with a key the app
        holds, then sends them in batches of at most {n(MAX_BATCH)}, each with an Idempotency-Key derived from its
        content. It waits what Retry-After says on 429 and 503, backs off with jitter on network errors and other
        5xx, deletes samples only once the server has answered for them, reports refused samples by event, and picks
        up where it stopped after a crash or a restart.
      </p>
      <CodeBlock>{CLIENT_EXAMPLE}</CodeBlock>
      <p className={p}>It prints <C>2 stored, 0 duplicates, 0 rejected</C>.</p>

      <h3 className={h3}>With plain HTTP</h3>
      <p className={p}>
        <C>POST /api/v1/devices/&#123;deviceId&#125;/sync</C>, the device’s own id (another one is 404), with:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
        <li><C>Authorization: Bearer &lt;token&gt;</C>.</li>
        <li><C>Content-Type: application/json</C>: required (anything else, curl’s default included, is 415), without a Content-Encoding.</li>
        <li><C>Idempotency-Key</C>: optional and strongly advised (<a className={a} href="#idempotency">Idempotency</a>).</li>
        <li>
          A body <C>{'{"samples": [...]}'}</C> of 1 to {n(MAX_SAMPLES)} samples and at most {n(MAX_BODY_BYTES / 1024 / 1024)} MiB
          (413 beyond). Send at most {n(MAX_BATCH)} per request, as the sync client does: a retried batch is then small.
        </li>
      </ul>
      <HttpExampleView example={EXAMPLES.sync}>Two good samples and an implausible one</HttpExampleView>
      <p className={p}>
        The answer comes once the samples are committed. <C>accepted</C>: samples newly stored (or replacing an
        older version). <C>duplicates</C>: already stored, or repeated within the request. <C>rejected</C>: the
        samples not stored, by their <C>index</C> in your array, with the <C>field</C> and the <C>reason</C>. The
        others are stored all the same. Resending a rejected sample unchanged does not help: fix it or drop it.
        When every sample is rejected, the answer is 422 (<a className={a} href="#errors">Errors</a>).
      </p>
      <h3 className={h3}>A sample’s fields</h3>
      <dl className="mt-2 space-y-2 text-slate-800">
        {FIELDS.map(([field, meaning]) => (
          <div key={field}>
            <dt className="font-mono text-sm font-semibold">{field}</dt>
            <dd className="text-sm">{meaning}</dd>
          </div>
        ))}
      </dl>
      <h3 className={h3}>Health types</h3>
      <HealthTypes />
    </section>
  );
}
