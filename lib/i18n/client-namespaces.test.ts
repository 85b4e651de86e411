// Every namespace a client component reads with useTranslations is sent to the browser
// (CLIENT_NAMESPACES); a missing one would show message keys instead of text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CLIENT_NAMESPACES } from './messages';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

it('sends every namespace client components read', () => {
  const read = new Set<string>();
  for (const file of [...sources('app'), ...sources('components')]) {
    for (const m of readFileSync(path.join(ROOT, file), 'utf8').matchAll(/useTranslations\(\s*'([A-Za-z]+)/g)) read.add(m[1]!);
  }
  expect(read.size).toBeGreaterThan(3);
  expect([...read].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
});
