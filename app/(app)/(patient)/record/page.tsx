// /record — the patient's own record beyond measurements (issue 19): conditions, allergies and emergency
// contacts, each to add, correct or remove (their doctor sees and edits the same on the patient page).
// Prefetched on the server.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { recordQueryKey } from '@/components/record/query';
import { RecordView } from '@/components/record/record-view';
import { requirePageRole } from '@/lib/auth/page-access';
import { loadPatientRecord } from '@/lib/data/record';
import { getTranslations } from '@/lib/i18n/server';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('record'))('metaTitle') };
}

const BASE = '/api/v1/users/me';

export default async function RecordPage() {
  const caller = await requirePageRole(['PATIENT']);
  const [record, t] = await Promise.all([loadPatientRecord(caller.id), getTranslations('record')]);
  const qc = makeQueryClient();
  qc.setQueryData(recordQueryKey(`${BASE}/conditions`), asJson({ conditions: record.conditions }));
  qc.setQueryData(recordQueryKey(`${BASE}/allergies`), asJson({ allergies: record.allergies }));
  qc.setQueryData(recordQueryKey(`${BASE}/emergency-contacts`), asJson({ emergencyContacts: record.emergencyContacts }));
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <RecordView base={BASE} canEdit title={t('viewTitle')} />
      </HydrationBoundary>
    </div>
  );
}
