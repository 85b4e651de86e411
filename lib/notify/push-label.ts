// A subscribed browser's name for the person's list ("Chrome on Android"), from its User-Agent when the
// page sent none, in the person's language (browser and system names are names, the same in every
// language). Coarse on purpose: enough to tell one's phone from one's laptop, nothing more is kept.
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

export function browserLabel(userAgent: string | null, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'notify');
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser && system) return t('pushLabel.browserOn', { browser, system });
  return browser ?? (system ? t('pushLabel.aBrowserOn', { system }) : t('pushLabel.aBrowser'));
}
