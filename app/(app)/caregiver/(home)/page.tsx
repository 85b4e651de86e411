// GET /caregiver — the people the caregiver cares for, each with what the link allows.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ReceivedInvitations } from '@/components/care-team/received-invitations';
import { PermissionList } from '@/components/caregiver/permission-list';
import { Empty } from '@/components/ui/states';
import { requirePageRole } from '@/lib/auth/page-access';
import { listReceivedInvitations } from '@/lib/data/invitations';
import { listCaredForPatients } from '@/lib/data/patient-overview';
import { findMe } from '@/lib/data/users';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('caregiver'))('metaHome') };
}

export default async function CaregiverPage() {
  const caller = await requirePageRole(['CAREGIVER']);
  const [people, invitations, me] = await Promise.all([listCaredForPatients(caller), listReceivedInvitations(caller.id), findMe(caller.id)]);
  const t = await getTranslations('caregiver');
  return (
    <>
      <header className="mb-4">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-700">{t('subtitle')}</p>
      </header>
      <div className="mb-4">
        <ReceivedInvitations invitations={invitations} timeZone={me.timeZone} />
      </div>
      {people.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {people.map(({ patient, access }) => (
            <li key={patient.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="cared-for">
              <h2 className="text-lg font-semibold">
                <Link
                  href={`/caregiver/patients/${patient.id}`}
                  className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
                >
                  {patient.name}
                </Link>
              </h2>
              <div className="mt-2">
                <PermissionList access={access} label={t('mayDo', { name: patient.name })} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
