// Maps frames in the production build's bundles back to the repository's sources with the bundles'
// source maps (Node's own SourceMap; a bundle without a map resolves to nothing and keeps its frame).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import type { Origin, Resolve } from './summarize';

/**
 * A map's source as a repo-relative path: Turbopack writes `[project]/lib/…` or `../../lib/…` (its own
 * runtime: `turbopack:///[turbopack]/…`, kept so), webpack `webpack://app/./lib/…`.
 */
export function sourcePath(encoded: string, mapDir: string, root: string): string {
  const source = decode(encoded); // Turbopack's relative sources are URL-encoded (node_modules/%40prisma/…)
  const runtime = source.indexOf('[turbopack]/');
  if (runtime >= 0) return source.slice(runtime);
  const project = source.indexOf('[project]/');
  if (project >= 0) return source.slice(project + '[project]/'.length).replace(/ \[.*$/, '');
  const webpack = /^webpack:\/\/[^/]*\/(?:\.\/)?(.*)$/.exec(source);
  if (webpack) return webpack[1]!;
  const absolute = source.startsWith('file://') ? new URL(source).pathname : path.resolve(mapDir, source);
  return path.relative(root, absolute);
}

function decode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri; // a literal % in a file name
  }
}

function loadMap(file: string): { map: SourceMap; dir: string } | undefined {
  if (!existsSync(file)) return undefined;
  const tail = readFileSync(file, 'utf8').slice(-2000);
  const found = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(tail)?.[1];
  const comment = found && !found.startsWith('data:') ? decode(found) : found;
  const mapFile = comment && !comment.startsWith('data:') ? path.resolve(path.dirname(file), comment) : `${file}.map`;
  if (comment?.startsWith('data:')) {
    const payload = JSON.parse(Buffer.from(comment.slice(comment.indexOf(',') + 1), 'base64').toString('utf8'));
    return { map: new SourceMap(payload), dir: path.dirname(file) };
  }
  if (!existsSync(mapFile)) return undefined;
  return { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), dir: path.dirname(mapFile) };
}

/** A resolver for frames whose file is under `root` (bundles and maps read once each). */
export function sourceMapResolver(root: string): Resolve {
  const maps = new Map<string, ReturnType<typeof loadMap>>();
  return (url, line, column): Origin | undefined => {
    const file = url.startsWith('file://') ? decode(new URL(url).pathname) : url;
    if (!file.startsWith(root) || file.includes('/node_modules/')) return undefined;
    if (!maps.has(file)) maps.set(file, loadMap(file));
    const loaded = maps.get(file);
    if (!loaded) return undefined;
    const entry = loaded.map.findEntry(line, column) as { originalSource?: string; originalLine?: number; name?: string };
    if (!entry.originalSource) return undefined;
    return { file: sourcePath(entry.originalSource, loaded.dir, root), line: (entry.originalLine ?? 0) + 1, name: entry.name };
  };
}
