'use client';

// Copies a value to the clipboard and says so (to screen readers too); falls back to selecting the
// text when the clipboard is not available (e.g. plain http).
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';

export function CopyButton({ value, label, fallbackTarget }: { value: string; label: string; fallbackTarget?: () => HTMLElement | null }) {
  const t = useTranslations('ui');
  const [state, setState] = useState<'idle' | 'copied' | 'select'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      const target = fallbackTarget?.();
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
      else if (target) globalThis.getSelection()?.selectAllChildren(target);
      setState('select');
    }
    setTimeout(() => setState('idle'), 2500);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" onClick={copy}>
        {label}
      </Button>
      <span role="status" className="text-xs text-slate-700">
        {state === 'copied' ? t('copied') : state === 'select' ? t('selectToCopy') : ''}
      </span>
    </span>
  );
}
