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
          Add a reading your devices did not send, or how you are doing. Readings you enter count like any other source.
          Only when a device sent the same value (to within a small margin, such as 2 mg/dL or 0.1 mmol/L of glucose) within
          a few minutes (half an hour for weight) are the two one reading, and the copy from the source higher in your list (normally the device)
          is used. A recheck that gives another value always counts as a reading of its own, next to the first.
        </p>
      </header>
      <EntryForms endpoint="/api/v1/users/me/entries" units={{ glucose: units.glucose, weight: units.weight }} timelineHref="/timeline" mealsEndpoint="/api/v1/users/me/meals" mealsHref="/meals" />
    </div>
  );
}
