// /admin/care-links — the active care relationships (patient, doctor or caregiver, permissions, since
// when), newest first; an admin can end one, effective on the carer's next request.
import type { Metadata } from 'next';
import { DataTable, PageHeader, Td, Th } from '@/components/admin/table';
import { ApiActionButton } from '@/components/care-team/api-action-button';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import { requirePageRole } from '@/lib/auth/page-access';
import { listActiveCareLinks } from '@/lib/data/care-team';
import { findMe } from '@/lib/data/users';

export const metadata: Metadata = { title: 'Care links · Admin · Pulse' };

const YES_NO = (on: boolean) => (on ? 'yes' : 'no');

export default async function AdminCareLinksPage() {
  const caller = await requirePageRole(['ADMIN']);
  const [links, me] = await Promise.all([listActiveCareLinks(), findMe(caller.id)]);
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: me.timeZone });
  return (
    <>
      <PageHeader title="Care links">Who is in whose care team (the newest 200). Ending a link takes effect on the carer&apos;s next request.</PageHeader>
      <Card>
        {links.length === 0 ? (
          <Empty>No active care links.</Empty>
        ) : (
          <DataTable caption="Active care links" head={<><Th>Patient</Th><Th>Carer</Th><Th>As</Th><Th>Sees / logs / alerts</Th><Th>Since</Th><Th><span className="sr-only">Actions</span></Th></>}>
            {links.map((l) => (
              <tr key={l.id} data-testid="care-link">
                <Td>{l.patient.name ?? l.patient.id}</Td>
                <Td>{l.carer.name ?? l.carer.id}</Td>
                <Td>{l.kind === 'DOCTOR' ? 'Doctor' : 'Caregiver'}</Td>
                <Td>{[l.permissions.view, l.permissions.logData, l.permissions.receiveAlerts].map(YES_NO).join(' / ')}</Td>
                <Td><time dateTime={l.createdAt}>{format.format(new Date(l.createdAt))}</time></Td>
                <Td>
                  <ApiActionButton path={`/api/v1/admin/care-links/${l.id}`} method="DELETE" label="End link" variant="danger" confirm="End this care link?" ariaLabel={`End the link between ${l.patient.name ?? 'the patient'} and ${l.carer.name ?? 'the carer'}`} />
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
