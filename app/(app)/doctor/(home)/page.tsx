// GET /doctor — the doctor's triage list, server-rendered from the data layer and hydrated into the
// interactive filter (search, group, sort), which then talks to GET /api/v1/doctor/patients.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { DeskCode } from '@/components/care-team/desk-code';
import { InviteForm } from '@/components/care-team/invite-form';
import { ReceivedInvitations } from '@/components/care-team/received-invitations';
import { SentInvitations } from '@/components/care-team/sent-invitations';
import { triageOptions } from '@/components/doctor/queries';
import { Card } from '@/components/ui/card';
import { TriageView } from '@/components/doctor/triage-view';
import { requirePageRole } from '@/lib/auth/page-access';
import { listReceivedInvitations, listSentInvitations } from '@/lib/data/invitations';
import { findTriageList, triageQuery } from '@/lib/data/triage';
import { findMe } from '@/lib/data/users';
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('doctor'))('home.metaTitle') };
}

export default async function DoctorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePageRole(['DOCTOR']);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A hand-edited URL with values outside the allowlists falls back to the defaults.
  const parsed = triageQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : triageQuery.parse({});
  const qc = makeQueryClient();
  const [t, me, received, sent] = await Promise.all([
    getTranslations('doctor'),
    findMe(caller.id),
    listReceivedInvitations(caller.id),
    listSentInvitations(caller.id),
    qc.prefetchQuery({ ...triageOptions(query), queryFn: () => findTriageList(caller, query) }),
  ]);
  return (
    <>
      <header className="mb-4">
        <h1 className="text-2xl font-semibold text-slate-900">{t('home.title')}</h1>
        <p className="mt-1 text-sm text-slate-700">{t('home.subtitle', { zone: me.timeZone.replace(/_/g, ' ') })}</p>
      </header>
      <div className="mb-4 space-y-4">
        <ReceivedInvitations invitations={received} timeZone={me.timeZone} />
      </div>
      <HydrationBoundary state={dehydrate(qc)}>
        <TriageView initial={query} timeZone={me.timeZone} />
      </HydrationBoundary>
      <div className="mt-6 space-y-4">
        <Card title={t('home.invite')}>
          <InviteForm roles={['PATIENT']} />
          <div className="mt-4 border-t border-slate-100 pt-4">
            <DeskCode />
          </div>
        </Card>
        <Card title={t('home.sent', { count: sent.length })}>
          <SentInvitations invitations={sent} timeZone={me.timeZone} />
        </Card>
      </div>
    </>
  );
}
