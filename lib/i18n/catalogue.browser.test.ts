// In the browser translator() words its text from the messages the page's providers registered
// (lib/i18n/catalogue.browser.ts, chosen by package.json "imports" under the "browser" condition).
import { beforeEach, expect, it, vi } from 'vitest';
import hi from '@/messages/hi.json';
import ta from '@/messages/ta.json';

// The browser's resolution (this also stands in for ./catalogue.ts, the same file to Vitest).
vi.mock('#i18n/catalogue', () => import('./catalogue.browser'));
const ALL = { hi, ta };

beforeEach(() => vi.resetModules());

it('translates with the namespaces a provider registered, and the ones registered later', async () => {
  const { registerMessages } = await import('#i18n/catalogue');
  const { translator } = await import('./messages');
  registerMessages('hi', { formats: ALL.hi.formats });
  expect(translator('hi', 'formats')('removedSource')).toBe(ALL.hi.formats.removedSource);
  // Not sent with the page: the key's path, never another locale's or section's text.
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(translator('hi', 'doses')('kinds.insulin')).toBe('doses.kinds.insulin');
  errors.mockRestore();
  // A section's provider below the root's adds its namespaces (client navigation into another section).
  registerMessages('hi', { doses: ALL.hi.doses });
  expect(translator('hi', 'doses')('kinds.insulin')).toBe(ALL.hi.doses.kinds.insulin);
  expect(translator('hi', 'formats')('removedSource')).toBe(ALL.hi.formats.removedSource);
});

it('keeps the messages object when a provider renders again with the same messages', async () => {
  const { registerMessages, MESSAGES } = await import('./catalogue.browser');
  registerMessages('ta', { formats: ALL.ta.formats });
  const first = MESSAGES.ta;
  registerMessages('ta', { formats: ALL.ta.formats });
  expect(MESSAGES.ta).toBe(first);
  expect(MESSAGES.en).toBeUndefined();
});
