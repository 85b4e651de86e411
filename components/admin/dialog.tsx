'use client';
// A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes, and
// focus returns to what opened it. ConfirmDialog asks before anything destructive.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';

export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: (ids: { description: string }) => ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const description = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      aria-describedby={description}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && (
        <>
          <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
          {children({ description })}
        </>
      )}
    </dialog>
  );
}

export type Confirmation = { title: string; body: ReactNode; confirmLabel: string; onConfirm: () => void };

export function ConfirmDialog({ confirmation, onClose }: { confirmation: Confirmation | null; onClose: () => void }) {
  const t = useTranslations('admin.common');
  function submit(event: FormEvent) {
    event.preventDefault();
    confirmation?.onConfirm();
    onClose();
  }
  return (
    <Dialog open={confirmation !== null} title={confirmation?.title ?? ''} onClose={onClose}>
      {({ description }) => (
        <form onSubmit={submit}>
          <div id={description} className="mt-2 text-sm text-slate-700">{confirmation?.body}</div>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            {/* Cancel takes the focus first: Enter on an opened dialog must not destroy anything. */}
            <Button variant="secondary" onClick={onClose} autoFocus>{t('cancel')}</Button>
            <Button type="submit" variant="danger">{confirmation?.confirmLabel}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
