// /admin/doctors — doctors who signed up and wait for review: approve, or reject with a reason (the
// doctor is e-mailed either way; until approved they cannot be invited to a care team).
import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/table';
import { requirePageRole } from '@/lib/auth/page-access';
import { listPendingDoctors } from '@/lib/data/doctor-review';
import { intlLocale } from '@/lib/i18n/locales';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { DoctorReview } from './doctor-review';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.doctors.title') }) };
}

export default async function AdminDoctorsPage() {
  await requirePageRole(['ADMIN']);
  const [{ doctors }, locale, t] = await Promise.all([listPendingDoctors(), getLocale(), getTranslations('admin')]);
  const day = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      <PageHeader title={t('pages.doctors.heading')}>{t('pages.doctors.intro')}</PageHeader>
      {doctors.length === 0 ? (
        <p className="text-sm text-slate-700">{t('doctors.none')}</p>
      ) : (
        <ul className="space-y-3">
          {doctors.map((d) => (
            <li key={d.id} className="rounded-md border border-slate-200 bg-white p-4">
              <p className="font-medium text-slate-900">{d.name ?? t('doctors.noName')}</p>
              <p className="text-sm text-slate-700">
                {d.email} · {d.emailVerified ? t('doctors.emailConfirmed') : t('doctors.emailNotConfirmed')}
                {d.disabled ? ` · ${t('doctors.accountDisabled')}` : ''}
              </p>
              <p className="text-sm text-slate-700">
                {t('doctors.licence', { number: d.licenceNumber ?? '—', body: d.licenceBody ?? '—', date: day.format(d.signedUpAt) })}
              </p>
              <DoctorReview userId={d.id} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
