// Seven languages in a real browser. Signed out, the browser's language (Accept-Language) picks the
// page's; signed in, the person's choice in the switcher does, for every page (html lang, headings, the
// nav) with numbers and dates as that language writes them (lakh grouping, Bengali and Marathi digits).
// One account, signed up through the API; for each language the browser asks for that language, signs
// in through the translated form, chooses the language in settings, and the page follows. axe stays
// clean and a screenshot is written per language.
import { readFileSync } from 'node:fs';
import { test, type Browser } from '@playwright/test';
import type { Messages } from '../lib/i18n/messages';
import { DEV, expect, seriousViolations } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

const PASSWORD = 'copper lantern orchard drizzle';
const EMAIL = `languages-${Date.now()}@test.example`;

// The settings page's example line (123456 steps on 15 August 2026) as each language writes it.
const LANGUAGES = [
  { locale: 'en', number: '123,456', month: 'August' },
  { locale: 'hi', number: '1,23,456', month: 'अगस्त' },
  { locale: 'ta', number: '1,23,456', month: 'ஆகஸ்ட்' },
  { locale: 'te', number: '1,23,456', month: 'ఆగస్టు' },
  { locale: 'bn', number: '১,২৩,৪৫৬', month: 'আগস্ট' },
  { locale: 'mr', number: '१,२३,४५६', month: 'ऑगस्ट' },
  { locale: 'gu', number: '1,23,456', month: 'ઑગસ્ટ' },
].map((l) => ({ ...l, messages: JSON.parse(readFileSync(`messages/${l.locale}.json`, 'utf8')) as Messages }));
const ta = LANGUAGES.find((l) => l.locale === 'ta')!.messages;
const hi = LANGUAGES.find((l) => l.locale === 'hi')!.messages;

const browserIn = (browser: Browser, locale: string) => browser.newContext({ locale: `${locale}-IN` });

test.beforeAll(async ({ request }) => {
  const res = await request.post('/api/v1/auth/signup', { data: { email: EMAIL, password: PASSWORD, name: 'Meena Iyer', role: 'PATIENT', timeZone: 'Asia/Kolkata' } });
  expect(res.status()).toBe(201);
});

test('signed out, the browser\'s language picks the page\'s; the switcher changes it', async ({ browser }) => {
  const context = await browserIn(browser, 'ta');
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ta');
  await expect(page.getByRole('link', { name: ta.landing.signIn })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByRole('combobox', { name: /Language/ }).selectOption('hi');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(page.getByRole('link', { name: hi.landing.signIn })).toBeVisible();
  // The cookie keeps it for the next page.
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: hi.login.title })).toBeVisible();
  await context.close();
});

for (const { locale, messages, number, month } of LANGUAGES) {
  test(`${locale}: sign in, choose it, and every part of the page follows`, async ({ browser }) => {
    test.setTimeout(DEV ? 300_000 : 90_000);
    const context = await browserIn(browser, locale);
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.waitForLoadState('networkidle');
    await page.getByLabel(messages.login.email).fill(EMAIL);
    await page.getByLabel(messages.login.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: messages.login.submit }).click();
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: DEV ? 90_000 : 30_000 });

    await page.goto('/settings');
    await page.waitForLoadState('networkidle');
    await page.getByRole('main').getByRole('combobox', { name: /Language|भाषा|மொழி|భాష|ভাষা|ભાષા/ }).selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1, name: messages.settings.title })).toBeVisible();
    await expect(page.getByRole('navigation', { name: messages.nav.main }).getByRole('link', { name: messages.nav.links.dashboard })).toBeVisible();
    const preview = page.getByTestId('language-preview');
    await expect(preview).toContainText(number);
    await expect(preview).toContainText(month);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/settings-${locale}.png`, fullPage: false });
    await context.close();
  });
}
