// The account pages' forms read in the person's language (server markup, as the first paint), and the
// shared problem sentence keeps the server's reason (English, the API's words) under a translated lead.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { IntlProvider } from 'use-intl';
import { ForgotPasswordForm } from '@/app/forgot-password/forgot-password-form';
import { ResetPasswordForm } from '@/app/reset-password/reset-password-form';
import type { Locale } from '@/lib/i18n/locales';
import { clientMessages } from '@/lib/i18n/messages';
import { useProblemText, type PostResult } from './account-form';

const inLocale = (locale: Locale, node: ReactNode) =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={clientMessages(locale, 'public')} timeZone="Asia/Kolkata">
      {node}
    </IntlProvider>,
  );

function Problem({ result }: { result: PostResult }) {
  return <p>{useProblemText()(result)}</p>;
}

const result = (over: Partial<PostResult>): PostResult => ({ status: 500, body: null, fields: {}, message: null, retryAfter: null, ...over });

describe('account forms', () => {
  it('render the password reset forms in Hindi', () => {
    const forgot = inLocale('hi', <ForgotPasswordForm />);
    expect(forgot).toContain('ई-मेल');
    expect(forgot).toContain('मुझे लिंक भेजें');
    expect(forgot).not.toContain('Send me a link');
    const reset = inLocale('hi', <ResetPasswordForm token="t" />);
    expect(reset).toContain('नया पासवर्ड');
    expect(reset).toContain('(कम से कम 12 अक्षर)');
    expect(reset).toContain('नया पासवर्ड सेट करें');
    // Without a token the link is unusable: said in Hindi, with the way to a new one.
    expect(inLocale('hi', <ResetPasswordForm token="" />)).toContain('नया लिंक माँगें');
  });

  it('keep the English wording the end-to-end tests select by', () => {
    expect(inLocale('en', <ForgotPasswordForm />)).toContain('Send me a link');
    expect(inLocale('en', <ResetPasswordForm token="t" />)).toContain('Set the new password');
  });

  it('say a problem in the reader’s language, the server’s reason kept as it came', () => {
    expect(inLocale('en', <Problem result={result({ status: 429, retryAfter: 61 })} />)).toContain('Too many attempts. Try again in 2 minutes.');
    expect(inLocale('en', <Problem result={result({ status: 429, retryAfter: 30 })} />)).toContain('Try again in 1 minute.');
    expect(inLocale('hi', <Problem result={result({ message: 'token expired' })} />)).toContain('कुछ गड़बड़ हो गई: token expired.');
    expect(inLocale('ta', <Problem result={result({})} />)).toContain('ஏதோ தவறு நடந்தது. மீண்டும் முயற்சிக்கவும்.');
  });
});
