// 1. Registering a device: the patient's way in the app (its labels read from the English messages, so
// they stay the app's), the API the app calls, the device types and their default priorities.
import { DEFAULT_PRIORITY, DEVICE_TYPE_ALIASES, DEVICE_TYPES } from '@/lib/devices/device-types';
import { EXAMPLES } from '@/lib/docs/integrator-examples';
import { translator } from '@/lib/i18n/messages';
import { a, C, h2, h3, HttpExampleView, p, TableScroll, td, th } from './code';

export function RegisterSection() {
  const nav = translator('en', 'nav');
  const t = translator('en', 'devices');
  const aliases = (type: string) => Object.entries(DEVICE_TYPE_ALIASES).filter(([, to]) => to === type).map(([alias]) => alias);
  return (
    <section aria-labelledby="register">
      <h2 id="register" className={h2}>1. Register a device</h2>
      <p className={p}>
        A device sends one patient’s data with a token that only that patient can create: a device cannot register
        itself. Every device has its own token, shown once.
      </p>
      <h3 className={h3}>In the app</h3>
      <ol className="mt-2 list-decimal space-y-1 pl-6 text-slate-800">
        <li>The patient signs in and opens <strong>{nav('links.devices')}</strong> (<a className={a} href="/devices">/devices</a>).</li>
        <li>
          Under <strong>{t('register.title')}</strong>: <strong>{t('register.name')}</strong>, <strong>{t('register.kind')}</strong>{' '}
          (and, if needed, <strong>{t('register.priority')}</strong>), then <strong>{t('register.submit')}</strong>.
        </li>
        <li>
          The device ID and the token are shown once (<strong>{t('token.copyDeviceId')}</strong>, <strong>{t('token.copyToken')}</strong>),
          with a sync request to copy. Pulse keeps only a SHA-256 of the token: if it is lost, the patient revokes the
          device (<strong>{t('item.revoke')}</strong>) and registers it again.
        </li>
      </ol>
      <h3 className={h3}>With the API</h3>
      <p className={p}>
        The page calls <C>POST /api/v1/devices</C> with the patient’s session. A script can do the same with the
        session cookie of a signed-in browser (<C>next-auth.session-token</C>; over HTTPS{' '}
        <C>__Secure-next-auth.session-token</C>). Only patients register devices (anyone else: 403).
      </p>
      <HttpExampleView example={EXAMPLES.register}>Register a watch</HttpExampleView>
      <p className={p}>
        Keep <C>id</C> and <C>token</C> on the device (the token in the platform’s keystore, never in logs). Tokens
        are <C>hdt_</C> and 43 more characters (256 random bits), sent as <C>Authorization: Bearer &lt;token&gt;</C>.{' '}
        <C>DELETE /api/v1/devices/&#123;id&#125;</C> revokes a device: its token is refused (401) from the next
        request on; what it sent is kept. <C>PATCH /api/v1/devices/&#123;id&#125;</C> renames it or changes its
        priority.
      </p>
      <h3 className={h3}>Device types</h3>
      <p className={p}>
        The type sets the default priority: when two sources report the same measurement, the higher one counts
        (the other is set aside, not deleted).
      </p>
      <TableScroll label="Device types">
        <thead>
          <tr><th scope="col" className={th}>type</th><th scope="col" className={th}>default priority</th><th scope="col" className={th}>also accepted</th></tr>
        </thead>
        <tbody>
          {DEVICE_TYPES.map((type) => (
            <tr key={type}>
              <td className={`${td} font-mono`}>{type}</td>
              <td className={td}>{DEFAULT_PRIORITY[type]}</td>
              <td className={`${td} font-mono`}>{aliases(type).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </TableScroll>
    </section>
  );
}
