// /admin/doctors — doctors who signed up and wait for review: approve, or reject with a reason (the
// doctor is e-mailed either way; until approved they cannot be invited to a care team).
import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/table';
import { requirePageRole } from '@/lib/auth/page-access';
import { listPendingDoctors } from '@/lib/data/doctor-review';
import { DoctorReview } from './doctor-review';

export const metadata: Metadata = { title: 'Doctors · Admin · Pulse' };

export default async function AdminDoctorsPage() {
  await requirePageRole(['ADMIN']);
  const { doctors } = await listPendingDoctors();
  return (
    <>
      <PageHeader title="Doctors waiting for review">Check each licence with its issuing body before approving it.</PageHeader>
      {doctors.length === 0 ? (
        <p className="text-sm text-slate-700">No doctor is waiting for review.</p>
      ) : (
        <ul className="space-y-3">
          {doctors.map((d) => (
            <li key={d.id} className="rounded-md border border-slate-200 bg-white p-4">
              <p className="font-medium text-slate-900">{d.name ?? '(name unavailable)'}</p>
              <p className="text-sm text-slate-700">
                {d.email} · {d.emailVerified ? 'e-mail confirmed' : 'e-mail not confirmed yet'}
                {d.disabled ? ' · account disabled' : ''}
              </p>
              <p className="text-sm text-slate-700">
                Licence {d.licenceNumber ?? '—'}, issued by {d.licenceBody ?? '—'} · signed up {d.signedUpAt.toISOString().slice(0, 10)}
              </p>
              <DoctorReview userId={d.id} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
