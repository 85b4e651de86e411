// /record — the patient's own record beyond measurements (issue 19): conditions, allergies and emergency
// contacts, each to add, correct or remove (their doctor sees and edits the same on the patient page).
// Prefetched on the server.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { recordQueryKey } from '@/components/record/query';
import { RecordView } from '@/components/record/record-view';
import { requirePageRole } from '@/lib/auth/page-access';
import { loadPatientRecord } from '@/lib/data/record';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';

export const metadata: Metadata = { title: 'My record · Pulse' };

const BASE = '/api/v1/users/me';

export default async function RecordPage() {
  const caller = await requirePageRole(['PATIENT']);
  const record = await loadPatientRecord(caller.id);
  const qc = makeQueryClient();
  qc.setQueryData(recordQueryKey(`${BASE}/conditions`), asJson({ conditions: record.conditions }));
  qc.setQueryData(recordQueryKey(`${BASE}/allergies`), asJson({ allergies: record.allergies }));
  qc.setQueryData(recordQueryKey(`${BASE}/emergency-contacts`), asJson({ emergencyContacts: record.emergencyContacts }));
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">My record</h1>
        <p className="mt-1 text-sm text-slate-600">
          Your conditions, allergies and emergency contacts, as you, your doctor or an imported clinical record entered them. Your doctor sees them; correct anything that is wrong.
        </p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <RecordView base={BASE} canEdit title="Conditions, allergies and emergency contacts" />
      </HydrationBoundary>
    </div>
  );
}
