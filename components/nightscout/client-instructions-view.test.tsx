// The instructions as the page renders them (server markup, as the first paint): each app's field with
// its value, which apps work today, and the curl command.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IntlProvider } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import { clientMessages } from '@/lib/i18n/messages';
import { ClientInstructions } from './client-instructions-view';

const BASE = 'https://pulse.example.org/ns/0b6c3d7e-1f2a-4c5b-9d8e-7f6a5b4c3d2e/';
const render = (node: React.ReactNode, locale: Locale = 'en') =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={clientMessages(locale, 'patient')} timeZone="UTC">
      {node}
    </IntlProvider>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('ClientInstructions', () => {
  it('shows xDrip+, Juggluco, Loop, Trio and AndroidAPS with their values, and the curl command', () => {
    const html = render(<ClientInstructions baseUrl={BASE} secret="S3cret-value_1" atMs={Date.UTC(2026, 10, 21, 10)} />);
    const shown = text(html);
    expect(shown).toContain('https://S3cret-value_1@pulse.example.org/ns/0b6c3d7e-1f2a-4c5b-9d8e-7f6a5b4c3d2e/api/v1/');
    expect(shown).toContain('Settings → Cloud Upload → Nightscout Sync (REST-API)');
    expect(shown).toContain('https://pulse.example.org/ns/0b6c3d7e-1f2a-4c5b-9d8e-7f6a5b4c3d2e ');
    expect(shown.match(/Works/g)).toHaveLength(5);
    expect(shown).toContain('NS access token');
    expect(shown).toContain('Settings → Services → Nightscout');
    expect(shown).toContain(`curl -X POST '${BASE}api/v1/entries'`);
    // Every field is labelled (the label names the app's own field).
    expect(html).toMatch(/<label for="[^"]+"[^>]*>Base URL<\/label><textarea id="[^"]+"/);
  });

  it('never shows a secret it was not given', () => {
    const shown = text(render(<ClientInstructions baseUrl={BASE} secret={null} atMs={0} />));
    expect(shown).toContain('https://<API secret>@pulse.example.org/');
    expect(shown).toContain("-H 'api-secret: <API secret>'");
  });

  it('explains in the reader’s language, the apps’ own menu and field names kept as the apps show them', () => {
    const shown = text(render(<ClientInstructions baseUrl={BASE} secret={null} atMs={0} />, 'hi'));
    expect(shown).toContain('कंप्यूटर से आज़माएँ');
    expect(shown).toContain('Settings → Cloud Upload → Nightscout Sync (REST-API)');
    expect(shown).toContain('NS access token');
    expect(shown).toContain('“Connect to websockets”');
    expect(shown).not.toContain('Try it from a computer');
  });
});
