// Every template renders a plain-text and an HTML part with the product's name and one link into the
// app; whatever is interpolated is escaped in the HTML; only what a template's schema names reaches it.
import { describe, expect, it } from 'vitest';
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
});
