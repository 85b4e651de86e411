// What the app exposes, read from the source tree itself (never a hand-kept list): route handlers with
// their HTTP methods, pages, and files declaring server actions. The authorization matrix checks each.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const APP = path.join(ROOT, 'app');
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : walk(full);
    return [full];
  });
}

/** The URL template of a file under app/: route groups `(x)` and slots `@x` dropped, `[param]` kept. */
export function urlTemplate(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter(Boolean);
  return '/' + segments.filter((s) => !/^\(.+\)$/.test(s) && !s.startsWith('@')).join('/');
}

/** The HTTP methods a route module exports, in any of the forms Next accepts. */
export function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+(\w+)\s*[=:]/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) {
    for (const part of m[1]!.split(',')) names.add(part.split(':').pop()!.trim());
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) names.add(part.split(/\s+as\s+/).pop()!.trim());
  }
  return [...names].filter((n) => HTTP_METHODS.has(n)).sort();
}

export type RouteEntry = { key: string; method: string; template: string; file: string };

/** Every `METHOD /template` served by an app/**\/route.ts file. */
export function listRoutes(): RouteEntry[] {
  return walk(APP)
    .filter((f) => /[/\\]route\.(ts|tsx|js)$/.test(f))
    .flatMap((file) => {
      const methods = exportedMethods(readFileSync(file, 'utf8'));
      if (methods.length === 0) throw new Error(`${path.relative(ROOT, file)} exports no HTTP method the inventory recognises`);
      const template = urlTemplate(file);
      return methods.map((method) => ({ key: `${method} ${template}`, method, template, file: path.relative(ROOT, file) }));
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Every page's URL template. */
export function listPages(): { template: string; file: string }[] {
  return walk(APP)
    .filter((f) => /[/\\]page\.(tsx|ts|jsx|js)$/.test(f))
    .map((file) => ({ template: urlTemplate(file), file: path.relative(ROOT, file) }))
    .sort((a, b) => a.template.localeCompare(b.template));
}

/** Source files with a 'use server' directive (server actions are endpoints too). */
export function listServerActionFiles(): string[] {
  return ['app', 'components', 'lib']
    .flatMap((dir) => walk(path.join(ROOT, dir)))
    .filter((f) => /\.(ts|tsx|js|jsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => /^\s*['"]use server['"]/m.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(ROOT, f))
    .sort();
}

/** Fills a template's `[param]` / `[...param]` segments from `params` (a missing one is an error). */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${template}`);
    return value;
  });
}
