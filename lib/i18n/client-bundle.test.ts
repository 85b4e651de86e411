// No client bundle carries a message catalogue: every 'use client' file's imports, followed as the browser
// build resolves them (package.json "imports": #i18n/catalogue → catalogue.browser.ts under "browser"),
// reach neither messages/*.json nor the server's catalogue (lib/i18n/catalogue.ts). The browser gets its
// messages with the page, per section (components/section-messages.tsx), and translator() reads those.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { clientModules, isClientFile, ROOT } from './client-graph';

const clientFiles = execFileSync('git', ['ls-files', 'app', 'components', 'lib'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter(isClientFile);

it('loads no message catalogue in the browser', () => {
  const reached = clientModules(clientFiles);
  const catalogues = [...reached].filter(([file]) => /^messages\/.*\.json$/.test(file) || file === 'lib/i18n/catalogue.ts');
  expect(catalogues.map(([file, by]) => `${file} (imported by ${by})`)).toEqual([]);
});

it('reads no catalogue directly in client code (in the browser it holds only the page language and namespaces)', () => {
  const reached = clientModules(clientFiles);
  const direct = [...reached.keys()].filter((file) => !file.startsWith('lib/i18n/') && /\.tsx?$/.test(file)).filter((file) => /import\s*\{[^}]*\bMESSAGES\b[^}]*\}\s*from\s*'[^']*i18n\/messages'/.test(readFileSync(path.join(ROOT, file), 'utf8')));
  expect(direct, 'use translator(locale, ns) (and t.has) instead of MESSAGES').toEqual([]);
});

it('follows client imports to the browser catalogue', () => {
  expect(clientFiles).toContain('components/i18n-provider.tsx');
  const reached = clientModules(clientFiles);
  // Client-side formatters call translator() (lib/format/health.ts → lib/i18n/messages.ts), which reads the browser's catalogue.
  expect(reached.has('lib/i18n/messages.ts')).toBe(true);
  expect(reached.has('lib/i18n/catalogue.browser.ts')).toBe(true);
  // The check would see a catalogue: the server's resolution of the same import reaches the JSON files.
  expect(reached.has('messages/en.json')).toBe(false);
});
