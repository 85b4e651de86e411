// /care-team — who can see the patient's data and what each person may do, as access is enforced (a
// caregiver's permissions changed here, any link ended here), invitations sent and received, and
// the patient's shares (who sees what, until when), which they create and revoke here. The shares are
// prefetched on the server and live in TanStack Query on the client.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { todayIn } from '@/components/doctor/format';
import { sharesOptions } from '@/components/sharing/queries';
import { SharingSection } from '@/components/sharing/sharing-section';
import { ApiActionButton } from '@/components/care-team/api-action-button';
import { InviteForm } from '@/components/care-team/invite-form';
import { PermissionToggles } from '@/components/care-team/permission-toggles';
import { ReceivedInvitations } from '@/components/care-team/received-invitations';
import { RedeemCodeForm } from '@/components/care-team/redeem-code-form';
import { SentInvitations } from '@/components/care-team/sent-invitations';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import { requirePageRole } from '@/lib/auth/page-access';
import { findCareTeam, type CareTeamMember } from '@/lib/data/care-team';
import { listReceivedInvitations, listSentInvitations } from '@/lib/data/invitations';
import { findSettings } from '@/lib/data/settings';
import { listSharesOfPatient } from '@/lib/data/shares';
import { intlLocale } from '@/lib/i18n/locales';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('careTeam'))('metaTitle') };
}

const PERMISSIONS: (keyof CareTeamMember['permissions'])[] = ['view', 'logData', 'receiveAlerts'];

type T = Awaited<ReturnType<typeof getTranslations<'careTeam'>>>;

function Member({ member, sinceFormat, t }: { member: CareTeamMember; sinceFormat: Intl.DateTimeFormat; t: T }) {
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="font-medium text-slate-900">{member.name}</p>
        <p className="text-sm text-slate-600">
          {t.rich('since', { date: sinceFormat.format(new Date(member.since)), time: (chunks) => <time dateTime={member.since}>{chunks}</time> })}
        </p>
      </div>
      <p className="text-sm break-all text-slate-600">{member.email}</p>
      {member.role === 'CAREGIVER' ? (
        <PermissionToggles linkId={member.linkId} name={member.name} permissions={member.permissions} />
      ) : (
      <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label={t('memberMay', { name: member.name })}>
        {PERMISSIONS.map((key) => (
          <li key={key} className={`rounded-full px-2.5 py-0.5 ring-1 ring-inset ${member.permissions[key] ? 'bg-teal-50 text-teal-900 ring-teal-200' : 'bg-slate-50 text-slate-700 ring-slate-200'}`}>
            <span aria-hidden="true">{member.permissions[key] ? '✓ ' : '✕ '}</span>
            {t(`memberPermissions.${key}.${member.permissions[key] ? 'yes' : 'no'}`)}
          </li>
        ))}
        {member.alertDelivery && (
          <li className="rounded-full bg-slate-50 px-2.5 py-0.5 text-slate-700 ring-1 ring-slate-200 ring-inset">
            {t(`delivery.${member.alertDelivery}`)}
          </li>
        )}
      </ul>
      )}
      <div className="mt-2">
        <ApiActionButton
          path={`/api/v1/care-team/${member.linkId}`}
          method="DELETE"
          label={t('remove')}
          variant="danger"
          confirm={t('removeConfirm', { name: member.name })}
          ariaLabel={t('removeAria', { name: member.name })}
        />
      </div>
    </li>
  );
}

function Members({ members, sinceFormat, empty, t }: { members: CareTeamMember[]; sinceFormat: Intl.DateTimeFormat; empty: string; t: T }) {
  if (members.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="divide-y divide-slate-100">
      {members.map((m) => (
        <Member key={m.id} member={m} sinceFormat={sinceFormat} t={t} />
      ))}
    </ul>
  );
}

export default async function CareTeamPage() {
  const caller = await requirePageRole(['PATIENT']);
  const qc = makeQueryClient();
  const [team, settings, sent, received] = await Promise.all([
    findCareTeam(caller.id),
    findSettings(caller.id),
    listSentInvitations(caller.id),
    listReceivedInvitations(caller.id),
    qc.prefetchQuery({ ...sharesOptions, queryFn: async () => ({ shares: asJson(await listSharesOfPatient(caller.id)) }) }),
  ]);
  const [locale, t] = await Promise.all([getLocale(), getTranslations('careTeam')]);
  const sinceFormat = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: settings.timeZone });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </header>
      <ReceivedInvitations invitations={received} timeZone={settings.timeZone} />
      <Card title={t('inviteTitle')}>
        <p className="mb-3 text-sm text-slate-600">{t('inviteIntro', { days: 14 })}</p>
        <InviteForm roles={['CAREGIVER', 'DOCTOR']} />
        <div className="mt-4 border-t border-slate-100 pt-4">
          <RedeemCodeForm />
        </div>
      </Card>
      <Card title={t('sentTitle', { count: sent.length })}>
        <SentInvitations invitations={sent} timeZone={settings.timeZone} />
      </Card>
      <Card title={t('doctorsTitle', { count: team.doctors.length })}>
        <p className="mb-3 text-sm text-slate-600">{t('doctorsIntro')}</p>
        <Members members={team.doctors} sinceFormat={sinceFormat} empty={t('doctorsEmpty')} t={t} />
      </Card>
      <Card title={t('caregiversTitle', { count: team.caregivers.length })}>
        <Members members={team.caregivers} sinceFormat={sinceFormat} empty={t('caregiversEmpty')} t={t} />
      </Card>
      <h2 className="pt-2 text-xl font-semibold text-slate-900">{t('sharing')}</h2>
      <HydrationBoundary state={dehydrate(qc)}>
        <SharingSection today={todayIn(settings.timeZone)} timeZone={settings.timeZone} />
      </HydrationBoundary>
    </div>
  );
}
