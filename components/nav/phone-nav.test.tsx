// The phone's split of each role's places, which place a path belongs to, and the bottom bar and Menu
// button in a second language (server markup, the first paint).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IntlProvider } from 'use-intl';
import { clientMessages } from '@/lib/i18n/messages';
import { PhoneBottomBar, PhoneMenu } from './phone-nav';
import { activeHref, desktopLinks, phonePlaces } from './places';

const ROLES = ['PATIENT', 'DOCTOR', 'CAREGIVER', 'ADMIN'] as const;

describe('phonePlaces', () => {
  it('keeps 3–4 places in the bar and every other place, Settings included, in the menu, each once', () => {
    for (const role of ROLES) {
      for (const outbox of [false, true]) {
        const { bottom, menu } = phonePlaces(role, outbox);
        expect(bottom.length, role).toBeGreaterThanOrEqual(3);
        expect(bottom.length, role).toBeLessThanOrEqual(4);
        const hrefs = [...bottom, ...menu].map((p) => p.href);
        expect(new Set(hrefs).size, role).toBe(hrefs.length);
        expect(hrefs, role).toEqual(expect.arrayContaining([...desktopLinks(role, outbox).map((p) => p.href), '/settings']));
      }
    }
  });

  it('puts the patient’s daily places in the bar and the mail outbox behind the admin’s menu when it exists', () => {
    expect(phonePlaces('PATIENT', false).bottom.map((p) => p.href)).toEqual(['/dashboard', '/entry', '/trends', '/medications']);
    expect(phonePlaces('ADMIN', true).menu.map((p) => p.href)).toContain('/admin/outbox');
    expect(phonePlaces('ADMIN', false).menu.map((p) => p.href)).not.toContain('/admin/outbox');
    expect(phonePlaces('DOCTOR', false).bottom.map((p) => p.href)).toEqual(['/doctor', '/shared-with-me', '/notifications']);
    expect(phonePlaces('CAREGIVER', false).menu.map((p) => p.href)).toEqual(['/settings']);
  });
});

describe('activeHref', () => {
  const admin = desktopLinks('ADMIN', false);
  it('picks the longest place a path is or lies below', () => {
    expect(activeHref('/admin', admin)).toBe('/admin');
    expect(activeHref('/admin/users', admin)).toBe('/admin/users');
    expect(activeHref('/doctor/patients/abc/report', desktopLinks('DOCTOR', false))).toBe('/doctor');
  });
  it('matches whole path segments only, and nothing without a path', () => {
    expect(activeHref('/administration', admin)).toBeNull();
    expect(activeHref('/notifications', admin)).toBeNull();
    expect(activeHref(null, admin)).toBeNull();
  });
});

describe('phone navigation markup', () => {
  const render = (locale: 'en' | 'hi') => {
    const { bottom, menu } = phonePlaces('PATIENT', false);
    return renderToStaticMarkup(
      <IntlProvider locale={locale} messages={clientMessages(locale, 'signedIn')} timeZone="Asia/Kolkata">
        <PhoneBottomBar places={bottom} all={[...bottom, ...menu]} />
        <PhoneMenu places={menu} all={[...bottom, ...menu]} name="Alex" />
      </IntlProvider>,
    );
  };

  it('labels the bar and the closed Menu button in Hindi', () => {
    const html = render('hi');
    expect(html).toContain('aria-label="मुख्य"');
    expect(html).toContain('>आज</span>');
    expect(html).toContain('मेन्यू');
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain('Menu');
  });

  it('keeps the English words the end-to-end tests select by, and hides both below md only', () => {
    const html = render('en');
    expect(html).toContain('aria-label="Main"');
    expect(html).toContain('>Log data</span>');
    expect(html).toContain('Menu');
    expect(html.match(/md:hidden/g)).toHaveLength(2);
  });
});
