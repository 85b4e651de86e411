// A patient the doctor has no active link to looks exactly like one that does not exist.
import Link from 'next/link';

export default function PatientNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">Patient not found</h1>
      <p className="text-slate-700">This patient does not exist, or you are not (or no longer) part of their care team.</p>
      <Link href="/doctor" className="inline-block text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">Back to your patients</Link>
    </div>
  );
}
