// The questionnaire page in Hindi (issue 21): the page's own words are Hindi, the instrument's published
// wording stays English (marked lang="en") with a Hindi note saying its validated translation is not yet
// included; in English there is no note.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'use-intl';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { questionnaireByCode } from '@/lib/questionnaires/registry';
import { TakeQuestionnaire } from './take-questionnaire';

function render(locale: Locale) {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <IntlProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
        <TakeQuestionnaire definition={questionnaireByCode('gad7')!} />
      </IntlProvider>
    </QueryClientProvider>,
  );
}

describe('TakeQuestionnaire', () => {
  it('renders in Hindi around the English items, with the note', () => {
    const html = render('hi');
    expect(html).toContain('प्रश्न 1 / 7');
    expect(html).toContain('मान्य हिन्दी अनुवाद शामिल नहीं है');
    expect(html).toContain('>आगे<');
    expect(html).toMatch(/<legend[^>]*lang="en"[^>]*>Feeling nervous, anxious, or on edge<\/legend>/);
    expect(html).toMatch(/<label lang="en"[^>]*>.*Not at all<\/label>/);
  });

  it('renders in English without a note', () => {
    const html = render('en');
    expect(html).toContain('Question 1 of 7');
    expect(html).not.toContain('data-testid="translation-note"');
    expect(html).not.toContain('lang="en"><legend');
    expect(html).toContain('Over the last 2 weeks, how often have you been bothered by the following problems?');
  });
});
