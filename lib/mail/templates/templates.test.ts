// Every template renders a plain-text and an HTML part with the product's name and one link into the
// app; whatever is interpolated is escaped in the HTML; only what a template's schema names reaches it;
// and every template reads in each of the seven languages.
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { renderTemplate, storedSubject, TEMPLATES, type TemplateName } from '.';

const APP = 'https://pulse.test.example';
const TOKEN = 'tok_0123456789abcdefABCDEF';

const SAMPLES: { [T in TemplateName]: { data: unknown; path: string } } = {
  'verify-email': { data: { token: TOKEN, validHours: 24 }, path: `/verify-email?token=${TOKEN}` },
  'already-registered': { data: {}, path: '/login' },
  'password-reset': { data: { token: TOKEN, validMinutes: 30 }, path: `/reset-password?token=${TOKEN}` },
  'email-changed': { data: {}, path: '/login' },
  invitation: { data: { token: TOKEN, inviterName: 'Ada Lovelace', as: 'CAREGIVER', validDays: 14 }, path: `/invitations/${TOKEN}` },
  'doctor-approved': { data: {}, path: '/doctor' },
  'doctor-rejected': { data: { reason: 'The licence number could not be checked.' }, path: '/login' },
  test: { data: {}, path: '/' },
  alert: { data: { title: 'Pulse alert', body: 'An alert about Alex needs your attention.', path: '/notifications#n-1' }, path: '/notifications#n-1' },
  notification: { data: { title: 'Pulse', body: 'There is something new for you in Pulse.', path: '/notifications#n-2' }, path: '/notifications#n-2' },
};

describe('mail templates', () => {
  for (const name of Object.keys(TEMPLATES) as TemplateName[]) {
    it(`${name}: text and HTML, the product's name, the link into the app`, () => {
      const { data, path } = SAMPLES[name];
      const { text, html } = renderTemplate(name, data, { appUrl: APP, optional: false });
      expect(text).toContain('Pulse');
      expect(text).toContain(`${APP}${path}`);
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('Pulse');
      expect(html).toContain(`href="${`${APP}${path}`.replace(/&/g, '&amp;')}"`);
      expect(storedSubject(name)).toContain('Pulse');
      expect(text).not.toContain(`${APP}/settings`); // not optional: no preferences link
    });
  }

  it('optional mail links to the preferences in both parts', () => {
    const { text, html } = renderTemplate('test', {}, { appUrl: APP, optional: true });
    expect(text).toContain(`${APP}/settings`);
    expect(html).toContain(`href="${APP}/settings"`);
  });

  it('escapes what is interpolated into the HTML', () => {
    const inviterName = '<script>alert("x")</script> & <b>Bob</b>';
    const { text, html } = renderTemplate('invitation', { token: TOKEN, inviterName, as: 'DOCTOR', validDays: 14 }, { appUrl: APP, optional: false });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Bob</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Bob&lt;/b&gt;');
    expect(text).toContain(inviterName); // the text part is text
    const rejected = renderTemplate('doctor-rejected', { reason: '"><img src=x onerror=alert(1)>' }, { appUrl: APP, optional: false });
    expect(rejected.html).not.toContain('<img');
  });

  it('takes only the data its schema names (nothing else, no health value, reaches a message)', () => {
    const { text, html } = renderTemplate('invitation', { token: TOKEN, inviterName: 'Ada', as: 'DOCTOR', validDays: 14, glucose: '48 mg/dL' }, { appUrl: APP, optional: false });
    expect(text + html).not.toContain('48 mg/dL');
  });

  it('refuses data that does not fit: a token that is not URL-safe, a missing field', () => {
    expect(() => renderTemplate('verify-email', { token: 'a b/../c?d=1&e=0123456789', validHours: 24 }, { appUrl: APP, optional: false })).toThrow();
    expect(() => renderTemplate('invitation', { token: TOKEN, as: 'DOCTOR', validDays: 14 }, { appUrl: APP, optional: false })).toThrow();
  });

  it('counts in the note follow the plural rules ("1 hour", "24 hours")', () => {
    expect(renderTemplate('verify-email', { token: TOKEN, validHours: 1 }, { appUrl: APP, optional: false }).text).toContain('for 1 hour.');
    expect(renderTemplate('verify-email', { token: TOKEN, validHours: 24 }, { appUrl: APP, optional: false }).text).toContain('for 24 hours.');
    expect(renderTemplate('invitation', { token: TOKEN, inviterName: 'Ada', as: 'PATIENT', validDays: 1 }, { appUrl: APP, optional: false }).text).toContain('valid for 1 day.');
  });
});

/** Each template's messages (mail.<key>) and, for the two that carry a notification's own title, the action instead. */
const KEYS: { [T in TemplateName]: { key: keyof (typeof MESSAGES)['en']['mail']; heading: 'heading' | 'action'; subject: string } } = {
  'verify-email': { key: 'verifyEmail', heading: 'heading', subject: 'subject' },
  'already-registered': { key: 'alreadyRegistered', heading: 'heading', subject: 'subject' },
  'password-reset': { key: 'passwordReset', heading: 'heading', subject: 'subject' },
  'email-changed': { key: 'emailChanged', heading: 'heading', subject: 'subject' },
  invitation: { key: 'invitation', heading: 'heading', subject: 'subject' },
  'doctor-approved': { key: 'doctorApproved', heading: 'heading', subject: 'subject' },
  'doctor-rejected': { key: 'doctorRejected', heading: 'heading', subject: 'subject' },
  test: { key: 'test', heading: 'heading', subject: 'subject' },
  alert: { key: 'notification', heading: 'action', subject: 'alertSubject' },
  notification: { key: 'notification', heading: 'action', subject: 'subject' },
};

const message = (locale: Locale, name: TemplateName, field: string) => (MESSAGES[locale].mail[KEYS[name].key] as Record<string, string>)[field]!;

describe('mail templates in each language', () => {
  const cases = LOCALES.flatMap((locale) => (Object.keys(TEMPLATES) as TemplateName[]).map((name) => [locale, name] as const));

  it.each(cases)('%s %s: the translated subject and heading, lang attribute, every placeholder filled, the same link', (locale, name) => {
    const { data, path } = SAMPLES[name];
    const mail = renderTemplate(name, data, { appUrl: APP, optional: true, locale });
    const heading = message(locale, name, KEYS[name].heading);
    expect(mail.subject).toBe(message(locale, name, KEYS[name].subject));
    expect(mail.text).toContain(heading);
    expect(mail.html).toContain(`<h1 style="margin:0 0 16px;font-size:20px">${name === 'alert' || name === 'notification' ? (data as { title: string }).title : heading}</h1>`);
    expect(mail.html).toContain(`<html lang="${locale}">`);
    expect(mail.text + mail.html).not.toMatch(/[{}]/);
    expect(mail.text).toContain(`${APP}${path}`);
    // The layout's own sentences are the reader's too.
    expect(mail.html).toContain(MESSAGES[locale].mail.layout.preferencesLink);
    expect(mail.text).toContain(MESSAGES[locale].mail.layout.preferencesText.replace('{url}', `${APP}/settings`));
    if (locale !== 'en') {
      expect(mail.subject).not.toBe(storedSubject(name)); // translated, not English
      expect(mail.text).not.toContain(MESSAGES.en.mail.layout.preferencesText.slice(0, 20));
    }
  });

  it('the stored subject is English whatever the reader reads, and names no one', () => {
    expect(storedSubject('invitation')).toBe('You are invited to a care team on Pulse');
    expect(storedSubject('alert')).toBe('Pulse alert: please open the app');
  });

  it('names, counts and the reason land in the sentence of each language', () => {
    const ta = renderTemplate('invitation', { token: TOKEN, inviterName: 'Meena', as: 'CAREGIVER', validDays: 14 }, { appUrl: APP, optional: false, locale: 'ta' });
    expect(ta.text).toContain('Meena பராமரிப்பாளராக');
    expect(ta.text).toContain('14 நாட்கள்');
    // Marathi and Bengali write their own digits (as Intl formats them for the locale).
    expect(renderTemplate('password-reset', { token: TOKEN, validMinutes: 30 }, { appUrl: APP, optional: false, locale: 'mr' }).text).toContain('३० मिनिटे');
    expect(renderTemplate('verify-email', { token: TOKEN, validHours: 24 }, { appUrl: APP, optional: false, locale: 'bn' }).text).toContain('২৪ ঘণ্টা');
    const hi = renderTemplate('doctor-rejected', { reason: 'The licence number could not be checked.' }, { appUrl: APP, optional: false, locale: 'hi' });
    expect(hi.text).toContain('बताया गया कारण: The licence number could not be checked.'); // the administrator's own words
  });
});

