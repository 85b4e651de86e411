// A share that is not the caller's looks exactly like one that has ended or never existed.
import Link from 'next/link';

export default function ReceivedShareNotFound() {
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="text-slate-700">This share does not exist, has ended, or was not shared with you.</p>
      <Link href="/shared-with-me" className="inline-block text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">Back to what is shared with you</Link>
    </div>
  );
}
