// /settings — display name, time zone (the IANA list of this runtime), units, e-mail, notifications, security. Server shell; the form is
// interactive.
import { signInPath } from '@/lib/auth/page-path';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getPageCaller } from '@/lib/auth/page-access';
import { TWO_FACTOR_ROLES, twoFactorRequired, twoFactorState } from '@/lib/auth/two-factor';
import { getNotificationPreferences } from '@/lib/data/notification-preferences';
import { findSettings } from '@/lib/data/settings';
import { findMe } from '@/lib/data/users';
import { EmailForm } from './_components/email-form';
import { NotificationPreferencesForm } from './_components/notification-preferences-form';
import { PushSettings } from '@/components/push/push-settings';
import { DiabetesProfileCard } from '@/components/glucose/diabetes-profile-card';
import { SettingsForm } from './_components/settings-form';
import { TwoFactorSection } from './_components/two-factor-section';
import { LanguageSwitcher } from '@/components/language-switcher';
import { intlLocale } from '@/lib/i18n/locales';
import { getLocale, getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('metaTitle') };
}

// The language section shows how numbers and dates read in the chosen language (a fixed example).
const PREVIEW = { count: 123456, date: new Date(Date.UTC(2026, 7, 15, 12)) };

/** IANA zones grouped by region ("Europe", "America", …; `other` names the group of UTC and the like); the current zone is always offered. */
function zoneGroups(current: string, other: string): [string, string[]][] {
  const zones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', current]);
  const groups = new Map<string, string[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : other;
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups];
}

export default async function SettingsPage() {
  const caller = await getPageCaller();
  if (!caller) redirect(await signInPath());
  const [settings, me, notifications] = await Promise.all([findSettings(caller.id), findMe(caller.id), getNotificationPreferences(caller.id)]);
  const t = await getTranslations('settings');
  const common = await getTranslations('common');
  const preview = common('preview', {
    count: PREVIEW.count,
    date: new Intl.DateTimeFormat(intlLocale(await getLocale()), { dateStyle: 'long', timeZone: 'UTC' }).format(PREVIEW.date),
  });
  const twoFactor = { ...(await twoFactorState(caller.id)), required: twoFactorRequired(caller.role, settings.email) };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('signedInAs', { email: settings.email })}</p>
      </header>
      <section aria-labelledby="language-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="language-heading" className="text-lg font-semibold text-slate-900">{common('language')}</h2>
        <p className="mt-1 text-sm text-slate-600">{common('languageHint')}</p>
        <LanguageSwitcher signedIn className="mt-2" />
        <p className="mt-2 text-sm text-slate-600" data-testid="language-preview">{preview}</p>
      </section>
      <SettingsForm initial={settings} zoneGroups={zoneGroups(settings.timeZone, t('otherZones'))} />
      <EmailForm email={me.email} verified={me.emailVerified} pendingEmail={me.pendingEmail} />
      {caller.role === 'PATIENT' && <DiabetesProfileCard patientId={caller.id} endpoint="/api/v1/users/me/diabetes-profile" />}
      <NotificationPreferencesForm initial={notifications} role={caller.role} />
      <PushSettings />
      <section aria-labelledby="security-heading" className="space-y-2">
        <h2 id="security-heading" className="text-lg font-semibold text-slate-900">{t('security')}</h2>
        <TwoFactorSection initial={twoFactor} canDisable={!TWO_FACTOR_ROLES.includes(caller.role)} />
      </section>
    </div>
  );
}
