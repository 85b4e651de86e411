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
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';

export const metadata: Metadata = { title: 'Care team · Pulse' };

const PERMISSIONS: [keyof CareTeamMember['permissions'], string, string][] = [
  ['view', 'Sees your health data', 'Does not see your health data'],
  ['logData', 'Can log data for you', 'Cannot log data for you'],
  ['receiveAlerts', 'Receives your alerts', 'Does not receive your alerts'],
];

function Member({ member, sinceFormat }: { member: CareTeamMember; sinceFormat: Intl.DateTimeFormat }) {
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="font-medium text-slate-900">{member.name}</p>
        <p className="text-sm text-slate-600">
          Since <time dateTime={member.since}>{sinceFormat.format(new Date(member.since))}</time>
        </p>
      </div>
      <p className="text-sm break-all text-slate-600">{member.email}</p>
      {member.role === 'CAREGIVER' ? (
        <PermissionToggles linkId={member.linkId} name={member.name} permissions={member.permissions} />
      ) : (
      <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label={`What ${member.name} may do`}>
        {PERMISSIONS.map(([key, yes, no]) => (
          <li key={key} className={`rounded-full px-2.5 py-0.5 ring-1 ring-inset ${member.permissions[key] ? 'bg-teal-50 text-teal-900 ring-teal-200' : 'bg-slate-50 text-slate-700 ring-slate-200'}`}>
            <span aria-hidden="true">{member.permissions[key] ? '✓ ' : '✕ '}</span>
            {member.permissions[key] ? yes : no}
          </li>
        ))}
        {member.alertDelivery && (
          <li className="rounded-full bg-slate-50 px-2.5 py-0.5 text-slate-700 ring-1 ring-slate-200 ring-inset">
            {{ immediate: 'Alerts when one is not acknowledged in time', daily_digest: 'Alerts in a daily summary', none: 'Does not receive your alerts' }[member.alertDelivery ?? 'immediate']}
          </li>
        )}
      </ul>
      )}
      <div className="mt-2">
        <ApiActionButton
          path={`/api/v1/care-team/${member.linkId}`}
          method="DELETE"
          label="Remove from care team"
          variant="danger"
          confirm={`Remove ${member.name} from your care team? They lose access with their next request.`}
          ariaLabel={`Remove ${member.name} from your care team`}
        />
      </div>
    </li>
  );
}

function Members({ members, sinceFormat, empty }: { members: CareTeamMember[]; sinceFormat: Intl.DateTimeFormat; empty: string }) {
  if (members.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="divide-y divide-slate-100">
      {members.map((m) => (
        <Member key={m.id} member={m} sinceFormat={sinceFormat} />
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
  const sinceFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: settings.timeZone });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Care team</h1>
        <p className="mt-1 text-sm text-slate-600">
          The people who can see your health data, and what each of them may do, and what you have shared. Nobody else can see it.
        </p>
      </header>
      <ReceivedInvitations invitations={received} timeZone={settings.timeZone} />
      <Card title="Invite someone">
        <p className="mb-3 text-sm text-slate-600">They get an e-mail with a link to accept; the invitation is valid for 14 days.</p>
        <InviteForm roles={['CAREGIVER', 'DOCTOR']} />
        <div className="mt-4 border-t border-slate-100 pt-4">
          <RedeemCodeForm />
        </div>
      </Card>
      <Card title={`Invitations sent (${sent.length})`}>
        <SentInvitations invitations={sent} timeZone={settings.timeZone} />
      </Card>
      <Card title={`Doctors (${team.doctors.length})`}>
        <p className="mb-3 text-sm text-slate-600">Your doctors see your data and are told about urgent readings. They cannot log data for you.</p>
        <Members members={team.doctors} sinceFormat={sinceFormat} empty="No doctor is linked to your account." />
      </Card>
      <Card title={`Caregivers (${team.caregivers.length})`}>
        <Members members={team.caregivers} sinceFormat={sinceFormat} empty="No caregiver is linked to your account." />
      </Card>
      <h2 className="pt-2 text-xl font-semibold text-slate-900">Sharing</h2>
      <HydrationBoundary state={dehydrate(qc)}>
        <SharingSection today={todayIn(settings.timeZone)} timeZone={settings.timeZone} />
      </HydrationBoundary>
    </div>
  );
}
