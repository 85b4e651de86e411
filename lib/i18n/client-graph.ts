// What the browser runs, read from the source (for lib/i18n/client-namespaces.test.ts and
// client-bundle.test.ts; no bundler needed): the modules a 'use client' file imports, and the message
// namespaces the code it can call reads — with useTranslations, or with translator(), which in the browser
// words its text from the messages the page's providers sent (lib/i18n/catalogue.browser.ts).
//
// Namespaces are followed per top-level declaration, not per module: a client chart importing one number
// helper from lib/format/health.ts does not need `types` because another function there names types. A
// client component file counts whole. Text search, not a parser: a declaration starts at a line beginning
// in column 0 (Prettier's layout), and a name mentioned in a declaration's body counts as called — which
// errs toward more namespaces, never fewer.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

const PACKAGE_IMPORTS = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { imports?: Record<string, Record<string, string>> }).imports ?? {};

/** A repository file an import names (relative to the root), or null (a package). `browser`: resolve as the client bundle does. */
export function resolveImport(from: string, spec: string, browser: boolean): string | null {
  if (spec.startsWith('#')) {
    const target = PACKAGE_IMPORTS[spec];
    const file = target && ((browser && target.browser) || target.default);
    return file ? path.normalize(file) : null;
  }
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.join(path.dirname(from), spec) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return null;
}

const isSource = (file: string) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes('generated/');
export const isClientFile = (file: string) => isSource(file) && /^\s*(?:\/\/[^\n]*\n\s*)*['"]use client['"]/.test(read(file));

const texts = new Map<string, string>();
function read(file: string): string {
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = readFileSync(path.join(ROOT, file), 'utf8')));
  return text;
}

type Binding = { file: string; name: string }; // name '*': the whole module
type Module = {
  /** Top-level declarations by name, and the code outside any (always run). */
  decls: Map<string, string>;
  init: string;
  /** Local name → what it imports; `export … from` re-exports by exported name; `export * from`. */
  imports: Map<string, Binding>;
  reexports: Map<string, Binding>;
  stars: string[];
  /** Every module imported for its code (not `import type`), for the bundle check. */
  deps: string[];
};

const DECL = /^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?\s*([\w$]+)|(?:const|let|var|class|enum)\s+([\w$]+))/;
const TYPE_DECL = /^(?:export\s+)?(?:declare\s+)?(?:type|interface)\s/;

const modules = new Map<string, Module>();
function parse(file: string, browser: boolean): Module {
  const key = `${browser}:${file}`;
  const cached = modules.get(key);
  if (cached) return cached;
  const m: Module = { decls: new Map(), init: '', imports: new Map(), reexports: new Map(), stars: [], deps: [] };
  modules.set(key, m);
  // Top-level statements: a line starting in column 0 with anything but a closing bracket or a comment.
  const segments: string[] = [];
  for (const line of read(file).split('\n')) {
    if (/^[^\s})\]/*]/.test(line) || segments.length === 0) segments.push(line);
    else segments[segments.length - 1] += `\n${line}`;
  }
  for (const segment of segments) {
    const from = /\bfrom\s*['"]([^'"]+)['"]/.exec(segment)?.[1];
    if (/^import\s/.test(segment)) {
      const side = /^import\s*['"]([^'"]+)['"]/.exec(segment)?.[1];
      const target = resolveImport(file, from ?? side ?? '', browser);
      if (!target || /^import\s+type\s/.test(segment)) continue;
      const clause = segment.slice(0, segment.search(/\bfrom\s*['"]/));
      const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
      const specs = named.split(',').map((s) => s.trim()).filter(Boolean);
      const valueSpecs = specs.filter((s) => !s.startsWith('type '));
      const defaultOrStar = clause.replace(/\{[^}]*\}/, '').match(/(?:\*\s+as\s+)?[\w$]+/g)?.filter((w) => w !== 'import' && w !== 'type') ?? [];
      if (side || valueSpecs.length > 0 || defaultOrStar.length > 0 || specs.length === 0) m.deps.push(target);
      for (const s of valueSpecs) {
        const [name, local] = s.split(/\s+as\s+/).map((w) => w.trim()) as [string, string?];
        m.imports.set(local ?? name, { file: target, name });
      }
      for (const w of defaultOrStar) m.imports.set(w.replace(/^\*\s+as\s+/, ''), { file: target, name: w.startsWith('*') ? '*' : 'default' });
      continue;
    }
    if (/^export\s+(?:type\s+)?(?:\*|\{)/.test(segment) && from) {
      const target = resolveImport(file, from, browser);
      if (!target || /^export\s+type\s/.test(segment)) continue;
      m.deps.push(target);
      if (/^export\s+\*/.test(segment)) m.stars.push(target);
      for (const s of (/\{([^}]*)\}/.exec(segment)?.[1] ?? '').split(',').map((x) => x.trim()).filter((x) => x && !x.startsWith('type '))) {
        const [name, exported] = s.split(/\s+as\s+/).map((w) => w.trim()) as [string, string?];
        m.reexports.set(exported ?? name, { file: target, name });
      }
      continue;
    }
    if (TYPE_DECL.test(segment)) continue;
    const match = DECL.exec(segment);
    const name = match?.[1] ?? match?.[2];
    if (name) m.decls.set(name, segment);
    else m.init += `\n${segment}`;
  }
  // Dynamic imports anywhere: the module, whole.
  for (const d of read(file).matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const target = resolveImport(file, d[1]!, browser);
    if (target) {
      const local = `__dynamic${m.deps.length}__`;
      m.deps.push(target);
      m.init += `\n${local}`;
      m.imports.set(local, { file: target, name: '*' });
    }
  }
  return m;
}

/** The namespaces a piece of code reads directly, and the non-literal translator() calls (which can't be checked). */
function namespacesIn(source: string, file: string, into: Map<string, string>, unknown: string[]): void {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\w])\/\/[^\n]*/g, '$1'); // not the comments
  for (const m of code.matchAll(/\buseTranslations\(\s*'([A-Za-z]+)/g)) if (!into.has(m[1]!)) into.set(m[1]!, file);
  for (const m of code.matchAll(/(?<!function\s)\btranslator\(/g)) {
    // The call's arguments, up to its closing bracket; the second must be a string literal.
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < code.length && depth > 0; i++) depth += code[i] === '(' ? 1 : code[i] === ')' ? -1 : 0;
    const args = code.slice(start, i - 1);
    let level = 0;
    let comma = -1;
    for (let j = 0; j < args.length && comma < 0; j++) {
      if ('([{'.includes(args[j]!)) level++;
      else if (')]}'.includes(args[j]!)) level--;
      else if (args[j] === ',' && level === 0) comma = j;
    }
    const ns = comma < 0 ? null : /^\s*'([A-Za-z]+)'\s*,?\s*$/.exec(args.slice(comma + 1))?.[1];
    if (ns) {
      if (!into.has(ns)) into.set(ns, file);
    } else unknown.push(`${file}: translator(${args})`);
  }
}

export type ClientReach = {
  /** Namespace → a file whose reachable code reads it. */
  namespaces: Map<string, string>;
  /** translator() calls whose namespace is not a string literal. */
  unchecked: string[];
  /** Client files (with 'use client') reached. */
  clientFiles: Set<string>;
};

/**
 * Follows a section's code from its directories' files: server modules by their imports, whole; from a
 * 'use client' file on, what the browser can run, declaration by declaration.
 */
export function clientReach(startFiles: string[]): ClientReach {
  const reach: ClientReach = { namespaces: new Map(), unchecked: [], clientFiles: new Set() };
  const serverSeen = new Set<string>();
  const serverQueue = [...startFiles];
  const clientSeen = new Set<string>(); // `${file}#${name}`
  const clientQueue: Binding[] = [];
  while (serverQueue.length > 0) {
    const file = serverQueue.pop()!;
    if (serverSeen.has(file) || !isSource(file)) continue;
    serverSeen.add(file);
    if (isClientFile(file)) {
      clientQueue.push({ file, name: '*' });
      continue;
    }
    // A server module's useTranslations: a shared component that client components render.
    for (const m of read(file).matchAll(/\buseTranslations\(\s*'([A-Za-z]+)/g)) if (!reach.namespaces.has(m[1]!)) reach.namespaces.set(m[1]!, file);
    serverQueue.push(...parse(file, false).deps);
  }
  while (clientQueue.length > 0) {
    const { file, name } = clientQueue.pop()!;
    const key = `${file}#${name}`;
    if (clientSeen.has(key) || !isSource(file)) continue;
    clientSeen.add(key);
    if (isClientFile(file)) reach.clientFiles.add(file);
    const m = parse(file, true);
    const whole = name === '*' || isClientFile(file);
    // The module's own top-level code runs whenever it is imported.
    if (!clientSeen.has(`${file}#`)) {
      clientSeen.add(`${file}#`);
      visit(m.init);
      for (const star of m.stars) clientQueue.push({ file: star, name: whole ? '*' : name });
    }
    if (whole) {
      for (const code of m.decls.values()) visit(code);
      for (const binding of m.reexports.values()) clientQueue.push(binding);
      for (const star of m.stars) clientQueue.push({ file: star, name: '*' });
    } else if (m.decls.has(name)) visit(m.decls.get(name)!);
    else if (m.reexports.has(name)) clientQueue.push(m.reexports.get(name)!);
    else if (name !== 'default') for (const star of m.stars) clientQueue.push({ file: star, name });
    else for (const code of m.decls.values()) visit(code); // an unnamed default export: the whole module

    function visit(code: string): void {
      namespacesIn(code, file, reach.namespaces, reach.unchecked);
      for (const word of new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? [])) {
        if (m.decls.has(word)) clientQueue.push({ file, name: word });
        const imported = m.imports.get(word);
        if (imported) clientQueue.push(imported);
      }
    }
  }
  return reach;
}

/** Every module the browser loads from these files' imports (module by module, as a bundler does). */
export function clientModules(clientFiles: string[]): Map<string, string> {
  const reached = new Map<string, string>(); // module → the module importing it
  const queue: [string, string][] = clientFiles.map((f) => [f, f]);
  while (queue.length > 0) {
    const [file, by] = queue.pop()!;
    if (reached.has(file)) continue;
    reached.set(file, by);
    if (isSource(file)) for (const dep of parse(file, true).deps) queue.push([dep, file]);
  }
  return reached;
}
