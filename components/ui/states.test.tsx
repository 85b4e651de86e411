// The shared states' default texts and MutationError's lead come from the reader's messages (`ui`), the
// API's reason stays as the API wrote it, and a field reads with the label the form passes.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { IntlProvider } from 'use-intl';
import { describe, expect, it } from 'vitest';
import { MutationError } from '@/components/patient/mutation-error';
import type { Locale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { ApiRequestError } from '@/lib/query/api';
import { ErrorMessage, Loading } from './states';

const render = (locale: Locale, node: ReactNode) =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={MESSAGES[locale]} timeZone="Asia/Kolkata">
      {node}
    </IntlProvider>,
  );

describe('shared states', () => {
  it('say "Loading…" and "Try again" in the reader\'s language', () => {
    expect(render('en', <Loading />)).toContain('Loading…');
    expect(render('hi', <Loading />)).toContain('लोड हो रहा है…');
    expect(render('hi', <Loading label="x" />)).not.toContain('लोड');
    const error = render('ta', <ErrorMessage error={null} retry={() => {}} />);
    expect(error).toContain('ஏதோ தவறு நடந்தது.');
    expect(error).toContain('மீண்டும் முயற்சிக்கவும்');
  });

  it('words an API error with the form\'s label for the field and the API\'s reason', () => {
    const error = new ApiRequestError(422, 'validation failed', [{ field: 'phone', reason: 'must be a phone number' }]);
    expect(render('en', <MutationError error={error} />)).toContain('Not saved — phone: must be a phone number.');
    expect(render('hi', <MutationError error={error} labels={{ phone: 'फ़ोन' }} />)).toContain('सेव नहीं हुआ — फ़ोन: must be a phone number।');
  });
});
