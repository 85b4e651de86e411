// A triage group as the server renders it: the reason and the sparkline's name come from the row's codes
// in the reader's language and glucose unit (the API's English `reason` is not what the page shows).
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'use-intl';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS, type UnitPreferences } from '@/lib/format/health';
import type { TriageRow } from '@/lib/data/triage';
import type { Locale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { TriageGroupSection } from './triage-group';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ');
const render = (node: ReactNode, locale: Locale) =>
  renderToStaticMarkup(<IntlProvider locale={locale} messages={MESSAGES[locale]} timeZone="Asia/Kolkata">{node}</IntlProvider>);

const row: TriageRow = {
  patientId: 'p1', name: 'Asha Rao', group: 'glucose-very-low',
  reason: 'Glucose: 4.2 % of readings below 54 mg/dL (target < 1 %) (24 readings, 14 days)',
  reasonData: { kind: 'glucose', parts: [{ source: 'glucose', readings: 24, days: 14, misses: [{ share: 'below54', mgdl: [54], sharePercent: 4.2, bound: 'max', percent: 1 }] }] },
  cgm: null, lastSyncAt: null, lastDataAt: null, lastReviewedAt: null,
  sparkline: { type: 'BLOOD_GLUCOSE', days: 14, label: 'Daily mean glucose (mg/dL), last 14 days', values: [] },
};
const group = (locale: Locale, units: UnitPreferences = DEFAULT_UNITS) =>
  text(render(<TriageGroupSection group={{ id: 'glucose-very-low', label: 'Very low glucose', count: 1 }} rows={[row]} units={units} timeZone="Asia/Kolkata" today="2026-12-07" />, locale));

describe('TriageGroupSection', () => {
  it('shows the reason in English as the API words it', () => {
    expect(group('en')).toContain(row.reason);
  });

  it('shows the reason in Hindi to a doctor reading in Hindi', () => {
    const shown = group('hi');
    expect(shown).toContain('ग्लूकोज़: 4.2 % रीडिंग 54 mg/dL से नीचे (लक्ष्य < 1 %) (24 रीडिंग, 14 दिन)');
    expect(shown).not.toContain('of readings');
  });

  it('in the doctor’s glucose unit', () => {
    expect(group('en', { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' })).toContain('below 3.0 mmol/L');
  });

  it('names the sparkline in the reader’s language', () => {
    const html = render(
      <TriageGroupSection group={{ id: 'glucose-very-low', label: 'x', count: 1 }} rows={[{ ...row, sparkline: { ...row.sparkline, values: [100, 120, 110] } }]} units={DEFAULT_UNITS} timeZone="UTC" today="2026-12-07" />,
      'hi',
    );
    expect(html).toContain('रोज़ का औसत ग्लूकोज़ (mg/dL), पिछले 14 दिन');
  });
});
