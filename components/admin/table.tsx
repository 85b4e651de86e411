// A data table inside its card: it scrolls sideways within the card on narrow screens (the region is
// focusable so keyboard users can scroll it too), with a caption for screen readers.
import type { ReactNode } from 'react';

export function DataTable({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="relative -mx-4 overflow-x-auto px-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
      <table className="w-full min-w-max border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ children, className = '', ...rest }: { children: ReactNode; className?: string; 'aria-sort'?: 'ascending' | 'descending' | 'none' }) {
  return (
    <th scope="col" className={`px-2 py-2 font-semibold ${className}`} {...rest}>
      {children}
    </th>
  );
}

export function Td({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <td className={`px-2 py-2 align-top text-slate-800 ${className}`}>{children}</td>;
}

const BADGE = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  red: 'bg-red-50 text-red-800 ring-red-200',
  amber: 'bg-amber-50 text-amber-900 ring-amber-200',
  slate: 'bg-slate-100 text-slate-700 ring-slate-200',
} as const;

export function Badge({ tone, children }: { tone: keyof typeof BADGE; children: ReactNode }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[tone]}`}>{children}</span>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="mb-4">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {children && <p className="mt-1 text-sm text-slate-700">{children}</p>}
    </header>
  );
}
