'use client';

// Labelled form controls for the entry forms: every control has a visible label, its hint and error are
// tied to it with aria-describedby, and an error sets aria-invalid.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

const CONTROL =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 aria-[invalid=true]:border-red-600';

type Common = { name: string; label: string; error?: string; hint?: string };

function useDescribed(error?: string, hint?: string) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id, describedBy, invalid: error ? true : undefined };
}

function Shell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function InputField({ label, error, hint, className = '', ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { id, describedBy, invalid } = useDescribed(error, hint);
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <input id={id} aria-invalid={invalid} aria-describedby={describedBy} className={`${CONTROL} border-slate-400 ${className}`} {...props} />
    </Shell>
  );
}

export function SelectField({ label, error, hint, children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const { id, describedBy, invalid } = useDescribed(error, hint);
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <select id={id} aria-invalid={invalid} aria-describedby={describedBy} className={`${CONTROL} border-slate-400`} {...props}>
        {children}
      </select>
    </Shell>
  );
}

export function TextAreaField({ label, error, hint, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, describedBy, invalid } = useDescribed(error, hint);
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <textarea id={id} rows={3} aria-invalid={invalid} aria-describedby={describedBy} className={`${CONTROL} border-slate-400`} {...props} />
    </Shell>
  );
}

/** A 1–5 choice as a radio group (arrow keys move between options). */
export function ScaleField({ name, label, labels, error }: { name: string; label: string; labels: readonly string[]; error?: string }) {
  const { id } = useDescribed(error);
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="mt-1 grid grid-cols-1 gap-2 sm:grid-cols-5">
        {labels.map((text, i) => (
          <label key={text} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-600">
            <input type="radio" name={name} value={i + 1} className="accent-teal-700" />
            <span>
              <span className="font-semibold">{i + 1}</span> · {text}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
