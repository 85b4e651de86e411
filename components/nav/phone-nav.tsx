'use client';

// The signed-in navigation below the md breakpoint, where the desktop header's row of links would
// stack and push every page down: a fixed bottom bar with the role's main places, and a Menu (a
// disclosure in the top bar) with the other places, Settings, the language, who is signed in and sign
// out. Both are display:none from md up, so the desktop header and its selectors stay as they were.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { LanguageSwitcher } from '../language-switcher';
import { SignOutButton } from '../sign-out-button';
import { MenuIcon, PlaceIcon } from './icons';
import { activeHref, type Place } from './places';

export function PhoneBottomBar({ places, all }: { places: Place[]; all: Place[] }) {
  const t = useTranslations('nav');
  const active = activeHref(usePathname(), all);
  return (
    <nav
      aria-label={t('main')}
      data-testid="phone-bottom-bar"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
    >
      <ul className="grid" style={{ gridTemplateColumns: `repeat(${places.length}, minmax(0, 1fr))` }}>
        {places.map(({ href, key }) => {
          const current = href === active;
          return (
            <li key={href} className="min-w-0">
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`flex min-h-14 flex-col items-center justify-center gap-0.5 border-t-2 px-1 py-1.5 text-center text-xs leading-tight [overflow-wrap:anywhere] focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-teal-600 ${
                  current ? 'border-teal-700 font-semibold text-teal-800' : 'border-transparent text-slate-700 hover:text-teal-800'
                }`}
              >
                <PlaceIcon name={key} />
                <span className="line-clamp-2">{t(`links.${key}`)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function PhoneMenu({ places, all, name }: { places: Place[]; all: Place[]; name: string }) {
  const t = useTranslations('nav');
  const active = activeHref(usePathname(), all);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    // Opened, the focus goes to the first place; Escape or a tap elsewhere closes, and Escape brings the
    // focus back to the button (a tap elsewhere has put it where the person tapped).
    panel.current?.querySelector<HTMLElement>('a, button, select')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
      >
        <MenuIcon />
        {t('menu')}
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          // A link followed from the menu closes it (the header stays mounted across pages).
          onClick={(e) => {
            if ((e.target as HTMLElement).closest('a')) setOpen(false);
          }}
          className="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-8rem)] overflow-y-auto border-b border-slate-200 bg-white px-4 pb-4 shadow-lg"
        >
          <nav aria-label={t('more')}>
            <ul className="grid grid-cols-2 gap-x-2 py-2">
              {places.map(({ href, key }) => (
                <li key={href}>
                  <Link
                    href={href}
                    aria-current={href === active ? 'page' : undefined}
                    className={`block rounded px-2 py-2.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 ${
                      href === active ? 'bg-teal-50 font-semibold text-teal-800' : 'text-slate-800 hover:bg-slate-100'
                    }`}
                  >
                    {t(`links.${key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex flex-col gap-3 border-t border-slate-200 pt-3 text-sm text-slate-700">
            <LanguageSwitcher signedIn />
            <p className="break-words">{t('signedInAs', { name })}</p>
            <div>
              <SignOutButton />
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
