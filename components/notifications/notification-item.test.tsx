// A notification in the center and the bell, as the server renders them, in English (the wording the e2e
// specs select by) and in Hindi: category, unread, who it is about, the emergency's state, the rule-of-15
// steps for a low and the buttons' accessible names.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'use-intl';
import { describe, expect, it } from 'vitest';
import type { CenterNotification } from '@/lib/data/notification-center';
import type { Locale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { NotificationBell } from './notification-bell';
import { NotificationItem } from './notification-item';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');
const render = (node: ReactNode, locale: Locale) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <IntlProvider locale={locale} messages={MESSAGES[locale]} timeZone="Asia/Kolkata">{node}</IntlProvider>
    </QueryClientProvider>,
  );

const low: CenterNotification = {
  id: '6f1d2c3b-0000-4000-8000-000000000001', kind: 'emergency.GLUCOSE_LOW_SEVERE', category: 'emergency', isEmergency: true,
  title: 'Very low glucose', body: 'Morgan’s glucose is 45 mg/dL.', patientId: 'p1', patientName: 'Morgan Ellery',
  emergencyEventId: 'e1', insightId: null, href: '/caregiver/patients/p1', status: 'SENT', read: false,
  sentAt: '2026-12-07T04:02:00.000Z', readAt: null, emergency: { status: 'OPEN', acknowledgedAt: null, acknowledgedByName: null },
};
const item = (n: CenterNotification, locale: Locale) =>
  render(<NotificationItem n={n} role="CAREGIVER" timeZone="Asia/Kolkata" today="2026-12-07" highlighted={false} actions={{ markRead: () => {}, acknowledge: () => {}, busy: false }} />, locale);

describe('NotificationItem', () => {
  it('reads in English as the e2e specs expect', () => {
    const shown = text(item(low, 'en'));
    expect(shown).toContain('Emergency Unread About Morgan Ellery today 09:32');
    expect(shown).toContain('Status: Open, nobody has acknowledged it yet');
    expect(shown).toContain('What to do for a low (the rule of 15)');
    expect(shown).toContain('Take 15 g of fast-acting carbohydrate');
    expect(shown).toContain('below 70 mg/dL (3.9 mmol/L)');
    expect(shown).toContain('do not give food or drink');
    expect(shown).toContain('Acknowledge : Very low glucose about Morgan Ellery');
    expect(shown).toContain('Open Morgan Ellery’s page');
    const acknowledged = text(item({ ...low, read: true, emergency: { status: 'ESCALATED', acknowledgedAt: '2026-12-06T10:00:00.000Z', acknowledgedByName: 'Quinn Hartley' } }, 'en'));
    expect(acknowledged).toContain('Status: Escalated, acknowledged by Quinn Hartley yesterday 15:30');
    expect(acknowledged).not.toContain('Unread');
    expect(acknowledged).not.toContain('Acknowledge :');
  });

  it('reads in Hindi, with the rule of 15 and the buttons in Hindi', () => {
    const shown = text(item(low, 'hi'));
    expect(shown).toContain('आपातस्थिति अपठित Morgan Ellery के बारे में');
    expect(shown).toContain('स्थिति: खुला, अभी तक किसी ने स्वीकार नहीं किया');
    expect(shown).toContain('शुगर कम होने पर क्या करें (15 का नियम)');
    expect(shown).toContain('15 g जल्दी असर करने वाला कार्बोहाइड्रेट लें');
    expect(shown).toContain('70 mg/dL (3.9 mmol/L) से कम');
    expect(shown).toContain('स्वीकार करें : Morgan Ellery के बारे में Very low glucose');
    expect(shown).toContain('पढ़ा हुआ चिह्नित करें');
    expect(shown).toContain('Morgan Ellery का पेज खोलें');
    expect(shown).not.toMatch(/Unread|Acknowledge|rule of 15|Status/);
  });
});

describe('NotificationBell', () => {
  const label = (html: string) => /aria-label="([^"]+)"/.exec(html)?.[1];
  it('names the count and the emergencies in words, in the reader’s language', () => {
    expect(label(render(<NotificationBell initial={{ unread: 3, emergencies: 0 }} />, 'en'))).toBe('Notifications, 3 unread');
    expect(label(render(<NotificationBell initial={{ unread: 1, emergencies: 1 }} />, 'en'))).toBe('Notifications, 1 unread, 1 emergency');
    expect(label(render(<NotificationBell initial={{ unread: 0, emergencies: 0 }} />, 'en'))).toBe('Notifications, none unread');
    expect(label(render(<NotificationBell initial={{ unread: 3, emergencies: 2 }} />, 'hi'))).toBe('सूचनाएँ, 3 अपठित, 2 आपातस्थितियाँ');
    expect(label(render(<NotificationBell initial={{ unread: 3, emergencies: 2 }} />, 'bn'))).toBe('বিজ্ঞপ্তি, ৩টি অপঠিত, ২টি জরুরি অবস্থা');
  });
});
