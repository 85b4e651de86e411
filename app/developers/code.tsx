// Code on the integrator guide: a block that scrolls sideways on a phone (and by keyboard), and one HTTP
// example of lib/docs/integrator-examples.ts as the curl command that makes it and the answer it gets.
import type { ReactNode } from 'react';
import { answerText, curlCommand, type HttpExample } from '@/lib/docs/integrator-examples';

export function CodeBlock({ children }: { children: string }) {
  return (
    <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500">
      <code>{children}</code>
    </pre>
  );
}

export function HttpExampleView({ example, children }: { example: HttpExample; children: ReactNode }) {
  return (
    <figure className="mt-4">
      <figcaption className="text-sm font-medium text-slate-800">{children}</figcaption>
      <CodeBlock>{curlCommand(example)}</CodeBlock>
      <CodeBlock>{answerText(example)}</CodeBlock>
    </figure>
  );
}

/** Inline code. */
export function C({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 text-[0.9em] break-words">{children}</code>;
}

/** A wide table that scrolls sideways on a phone instead of widening the page. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mt-3 overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500">
      <table className="w-full text-left text-sm">{children}</table>
    </div>
  );
}

export const th = 'border-b border-slate-300 py-1 pr-3 align-bottom font-semibold';
export const td = 'border-b border-slate-200 py-1 pr-3 align-top';
export const a = 'text-sky-800 underline';
export const h2 = 'mt-10 scroll-mt-4 text-2xl font-semibold text-slate-900';
export const h3 = 'mt-6 text-lg font-semibold text-slate-900';
export const p = 'mt-2 text-slate-800';
