// Someone the caregiver is not (or no longer) linked to looks exactly like someone who does not exist.
import Link from 'next/link';

export default function CaredForNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="text-slate-700">This person does not exist, or you are not (or no longer) part of their care team.</p>
      <Link href="/caregiver" className="inline-block text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">Back to the people you care for</Link>
    </div>
  );
}
