// Every namespace the browser reads must reach it with the page, or the reader sees message keys instead
// of text: useTranslations in client components, and translator() in the formatters they call (in the
// browser, translator() has only the messages the page's providers sent: lib/i18n/catalogue.browser.ts).
// Pages carry the shell's namespaces plus their section's (lib/i18n/messages.ts): this follows each
// section's imports from its directory (lib/i18n/client-graph.ts) and checks that every namespace read on
// the way is one the section sends.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { clientReach, ROOT } from './client-graph';
import { SECTION_NAMESPACES, SHELL_NAMESPACES, type Section } from './messages';

/** Each section's directories (relative to the root); a directory listed under a section is not also the parent's. */
const SECTION_DIRS: Record<Section, string[]> = {
  public: ['app'],
  signedIn: ['app/(app)'],
  patient: ['app/(app)/(patient)'],
  doctor: ['app/(app)/doctor'],
  caregiver: ['app/(app)/caregiver'],
  admin: ['app/(app)/admin'],
  sharedWithMe: ['app/(app)/shared-with-me'],
  share: ['app/share', 'app/shared'],
  offline: ['app/offline'],
};
const ALL_DIRS = Object.values(SECTION_DIRS).flat();

function filesOf(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return ALL_DIRS.includes(rel) ? [] : filesOf(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

it.each(Object.keys(SECTION_DIRS) as Section[])('sends the %s section every namespace its client code reads', (section) => {
  const sent = new Set<string>([...SHELL_NAMESPACES, ...SECTION_NAMESPACES[section]]);
  const { namespaces, unchecked } = clientReach(SECTION_DIRS[section].flatMap(filesOf));
  const missing = [...namespaces].filter(([ns]) => !sent.has(ns)).map(([ns, file]) => `${ns} (read in ${file})`);
  expect(missing).toEqual([]);
  // A namespace chosen at run time can't be checked: client-reachable code names it literally.
  expect(unchecked).toEqual([]);
});

it('finds the namespaces a section reads, through the formatters client components call', () => {
  const { namespaces, clientFiles } = clientReach(filesOf('app/(app)/(patient)'));
  expect([...namespaces.keys()]).toEqual(expect.arrayContaining(['dashboard', 'trends', 'doses', 'formats']));
  expect(namespaces.get('doses')).toBe('lib/format/doses.ts');
  expect(clientFiles).toContain('components/patient/dashboard-view.tsx');
});

it('follows a formatter declaration by declaration, not its whole module', () => {
  // The sparkline imports localDigits from lib/format/health.ts, which names no type; typeLabelIn there does.
  expect(clientReach(['components/charts/sparkline.tsx']).namespaces.has('types')).toBe(false);
  expect(clientReach(['components/patient/trend-table.tsx']).namespaces.get('charts')).toBe('lib/format/chart.ts');
});
