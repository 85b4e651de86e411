// /entry — the patient logs a reading or an event by hand (server shell; the forms are interactive).
import type { Metadata } from 'next';
import { EntryForms } from '@/components/entry';
import { requirePageRole } from '@/lib/auth/page-access';
import { findSettings } from '@/lib/data/settings';

export const metadata: Metadata = { title: 'Log data · Pulse' };

export default async function EntryPage() {
  const caller = await requirePageRole(['PATIENT']);
  const { units } = await findSettings(caller.id);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Log data</h1>
        <p className="mt-1 text-sm text-slate-600">
          Add a reading your devices did not send, or how you are doing. Readings you enter count like any other source; when a
          device measured the same thing at the same time, the device&apos;s value is used.
        </p>
      </header>
      <EntryForms endpoint="/api/v1/users/me/entries" units={{ glucose: units.glucose, weight: units.weight }} timelineHref="/timeline" />
    </div>
  );
}
