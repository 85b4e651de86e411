'use client';

// "Print": the browser's print dialog (the report's print styles make it one page). The label comes from
// the server page, in the reader's language.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:border-teal-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
      {label}
    </button>
  );
}
