// The data source form reads in the person's language (server markup, as the first paint): labels,
// the device kinds and the priority hint; CGM and product names stay as written.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IntlProvider } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import { clientMessages } from '@/lib/i18n/messages';
import { RegisterDeviceForm } from './register-device-form';

const render = (locale: Locale) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <IntlProvider locale={locale} messages={clientMessages(locale, 'patient')} timeZone="Asia/Kolkata">
        <RegisterDeviceForm onRegistered={() => {}} />
      </IntlProvider>
    </QueryClientProvider>,
  );

describe('RegisterDeviceForm', () => {
  it('renders in Hindi', () => {
    const html = render('hi');
    expect(html).toContain('डेटा स्रोत जोड़ें');
    expect(html).toContain('डिवाइस का प्रकार');
    expect(html).toContain('लगातार ग्लूकोज़ मॉनिटर (CGM)');
    expect(html).toContain('डिवाइस जोड़ें');
    expect(html).not.toContain('Register device');
  });

  it('keeps the English labels the end-to-end tests select by', () => {
    const html = render('en');
    for (const text of ['Kind of device', 'Priority (optional)', 'Register device', 'Continuous glucose monitor (CGM)']) expect(html).toContain(text);
  });
});
