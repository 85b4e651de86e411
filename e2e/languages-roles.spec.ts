// Every role's pages in the Indian languages (issue 21): the demo patient, doctor, caregiver and admin
// choose Tamil and then Hindi (their language preference, through the settings API), walk every page of
// their navigation, and each page follows: <html lang>, the page's heading is the translation of the
// English one (looked up in messages/en.json by its English text), no heading is left in English (Latin
// letters in a Tamil or Hindi heading are only the product's Latin terms and the demo's names; a
// notification's stored title is data), and axe
// stays clean. Then each role's home page in every other language. The preference goes back to English
// at the end, whatever happens (the other specs read these accounts in English).
import { readFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { DEV, expect, seriousViolations, signIn } from './role-helpers';

test.slow(DEV, 'next dev compiles each page and API route on first use');

type Tree = { [key: string]: string | Tree };
const catalogue = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Tree;
const en = catalogue('en');

const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every message whose English text reads `text`, with its arguments: "Welcome, Alex Morgan" is
 * `dashboard.welcome` with { name: "Alex Morgan" }. Simple `{name}` arguments only (plural and select
 * messages are not headings here).
 */
type Reading = { path: string[]; args: Record<string, string>; literal: number };
function messagesReading(text: string): Reading[] {
  // The most specific: "{day} {time}" reads almost anything, "Welcome, {name}" says what the heading is.
  const all = readings(text, en, []);
  const best = Math.max(...all.map((r) => r.literal));
  return all.filter((r) => r.literal === best);
}
function readings(text: string, tree: Tree, prefix: string[]): Reading[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    if (typeof value !== 'string') return readings(text, value, [...prefix, key]);
    const names = [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (value.replace(/\{\w+\}/g, '').includes('{')) return [];
    const match = new RegExp(`^${value.split(/\{\w+\}/).map(escape).join('(.+)')}$`).exec(text);
    const literal = value.replace(/\{\w+\}/g, '').length;
    return match ? [{ path: [...prefix, key], args: Object.fromEntries(names.map((n, i) => [n, match[i + 1]!])), literal }] : [];
  });
}
function inLocale(locale: string, { path, args }: Reading): string | null {
  const template = path.reduce<string | Tree | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), catalogue(locale));
  return typeof template === 'string' ? template.replace(/\{(\w+)\}/g, (_, name: string) => args[name] ?? '') : null;
}

// Latin text a heading may keep in any language: product and clinical abbreviations, units, the demo's
// people and devices (data, not interface), digits and punctuation.
const LATIN_ALLOWED = [
  'Pulse', 'CGM', 'AGP', 'GMI', 'HbA1c', 'PHQ-4', 'GAD-7', 'PHQ', 'GAD', 'FHIR', 'Nightscout', 'CSV', 'JSON', 'Apple Health', 'mg/dL', 'mmol/L', 'mmHg', 'kg', 'bpm', 'SpO₂', 'SpO2', 'ID',
  'Alex Morgan', 'Sam Rivera', 'Jordan Lee', 'Dr. Priya Shah', 'Chris Morgan', 'Apple Watch', 'iPhone', 'Withings Body+', 'Omron cuff', 'Contour glucometer',
  'AndroidAPS-DexcomG6', 'xDrip-DexcomG6', 'Phone: xDrip+ and AndroidAPS',
];
function leftoverLatin(heading: string): string | null {
  let rest = heading;
  for (const term of LATIN_ALLOWED) rest = rest.split(term).join(' ');
  const words = rest.match(/[A-Za-z]{2,}/g);
  return words ? words.join(' ') : null;
}

const ROLES = [
  {
    email: 'patient@demo.test',
    pages: ['/dashboard', '/trends', '/report', '/timeline', '/medications', '/labs', '/record', '/questionnaires', '/meals', '/entry', '/devices', '/care-team', '/import', '/settings', '/notifications'],
  },
  { email: 'doctor@demo.test', pages: ['/doctor', '/shared-with-me', '/settings'] },
  { email: 'caregiver@demo.test', pages: ['/caregiver', '/shared-with-me', '/settings'] },
  {
    email: 'admin@demo.test',
    pages: ['/admin', '/admin/users', '/admin/doctors', '/admin/devices', '/admin/shares', '/admin/care-links', '/admin/pipeline', '/admin/deliveries', '/admin/audit'],
  },
];
const WALKED = ['ta', 'hi'];
const HOME_ONLY = ['te', 'bn', 'mr', 'gu'];

async function chooseLanguage(page: Page, language: string) {
  const res = await page.request.patch('/api/v1/users/me/settings', { data: { language } });
  expect(res.status(), `PATCH settings { language: ${language} }`).toBe(200);
}

/** The h1's English text on `path` (read once in English), then the same page in `locale`. */
async function checkPage(page: Page, path: string, locale: string, english: Map<string, string>) {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  const h1 = page.getByRole('heading', { level: 1 }).first();
  await expect(h1).toBeVisible();
  const expected = messagesReading(english.get(path)!).map((m) => inLocale(locale, m)).filter((t): t is string => t !== null);
  expect(expected.length, `the English heading of ${path} ("${english.get(path)}") is a message`).toBeGreaterThan(0);
  // Soft: the walk goes on and names every page that is not translated.
  expect.soft(expected, `${path} in ${locale}: the heading is translated`).toContain((await h1.innerText()).trim());
  // A notification's title is stored text, written in its recipient's language when it was sent (the
  // demo's, in English): data, like a device's name, not the page's words.
  const headings = await page.locator(':is(h1, h2, h3, h4, h5, h6):not([id^="n-"][id$="-title"])').allInnerTexts();
  const untranslated = headings.map((h) => [h, leftoverLatin(h)]).filter(([, left]) => left);
  expect.soft(untranslated, `${path} in ${locale}: headings with English words`).toEqual([]);
  expect(await seriousViolations(page), `${path} in ${locale}: axe`).toEqual([]);
}

for (const { email, pages } of ROLES) {
  test(`${email.split('@')[0]}: every page in Tamil and Hindi, the home page in every language`, async ({ page }) => {
    test.setTimeout(DEV ? 900_000 : 300_000);
    await signIn(page, email);
    try {
      await chooseLanguage(page, 'en');
      const english = new Map<string, string>();
      for (const path of pages) {
        await page.goto(path);
        english.set(path, (await page.getByRole('heading', { level: 1 }).first().innerText()).trim());
      }
      for (const locale of WALKED) {
        await chooseLanguage(page, locale);
        for (const path of pages) await checkPage(page, path, locale, english);
        await page.goto(pages[0]!);
        await page.screenshot({ path: `e2e/screenshots/languages-${email.split('@')[0]}-${locale}.png`, fullPage: false });
      }
      for (const locale of HOME_ONLY) {
        await chooseLanguage(page, locale);
        await checkPage(page, pages[0]!, locale, english);
      }
    } finally {
      await chooseLanguage(page, 'en');
    }
  });
}
