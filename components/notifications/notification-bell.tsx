'use client';

// The bell in the header: a link to /notifications with the unread count, polled every 30 s and on
// window focus. Unread emergencies turn the badge red and are said in words too (not by colour alone);
// a rise in the count is announced to screen readers. In the reader's language (`notificationCenter`).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { numberLocale } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { unreadCountOptions, type UnreadCount } from './queries';

type T = ReturnType<typeof useTranslations<'notificationCenter'>>;

// A plain {argument} is not formatted by the message: the count is written in the reader's digits here.
const digits = (n: number, locale: Locale) => n.toLocaleString(numberLocale(locale));

export function bellLabel({ unread, emergencies }: UnreadCount, t: T, locale: Locale): string {
  if (unread === 0) return t('bellNone');
  return emergencies > 0 ? t('bellEmergencies', { unread: digits(unread, locale), emergencies }) : t('bellUnread', { unread: digits(unread, locale) });
}

export function NotificationBell({ initial }: { initial: UnreadCount }) {
  const t = useTranslations('notificationCenter');
  const locale = useLocale();
  const { data } = useQuery({ ...unreadCountOptions, initialData: initial });
  const count = data ?? initial;
  const previous = useRef(count.unread);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (count.unread > previous.current) setAnnouncement(t('bellNew', { label: bellLabel(count, t, locale) }));
    previous.current = count.unread;
  }, [count, t, locale]);
  const urgent = count.emergencies > 0;
  return (
    <>
      <Link
        href="/notifications"
        aria-label={bellLabel(count, t, locale)}
        data-testid="notification-bell"
        className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count.unread > 0 && (
          <span
            aria-hidden="true"
            data-testid="notification-badge"
            data-urgent={urgent}
            className={`absolute -right-1 -top-1 min-w-5 rounded-full px-1 text-center text-xs font-semibold leading-5 text-white ${urgent ? 'bg-red-700' : 'bg-teal-700'}`}
          >
            {count.unread > 99 ? t('badgeMax', { max: digits(99, locale) }) : digits(count.unread, locale)}
          </span>
        )}
      </Link>
      <span className="sr-only" role="status" aria-live="polite">{announcement}</span>
    </>
  );
}
