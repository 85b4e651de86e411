// Self time per function and per group from a V8 .cpuprofile (what --cpu-prof and the inspector's
// Profiler.stop produce): a call tree of nodes, and the sampled leaf node every ~interval with the
// microseconds since the previous sample. As in Chrome DevTools, a sample stands for the time until the
// next one (the last one: until endTime), and that time is the leaf's self time.

export type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId?: string };
export type CpuProfile = {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

/** Where a frame's code came from, once source maps are applied (file: repo-relative or absolute). */
export type Origin = { file: string; line: number; name?: string };
/** Maps a bundled frame (url, 0-based line and column) back to its source; undefined leaves it as is. */
export type Resolve = (url: string, line: number, column: number) => Origin | undefined;

export type FunctionRow = { name: string; location: string; group: string; selfMs: number };
export type Summary = {
  /** Profiled span (endTime − startTime). */
  wallMs: number;
  samples: number;
  /** Self time of everything but (idle): the main thread busy (on a loaded machine also waiting for a core). */
  cpuMs: number;
  idleMs: number;
  functions: FunctionRow[];
  groups: { group: string; selfMs: number }[];
};

export const OUR_CODE = 'our code';
export const NODE_INTERNALS = 'node internals';
/** V8's pseudo-frames: they are their own groups. (root) only shows when sampling caught nothing. */
const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

function toPath(url: string): string {
  if (!url.startsWith('file://')) return url;
  const pathname = new URL(url).pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The package a node_modules path belongs to (the innermost one; scoped names kept whole). */
function packageOf(file: string): string | undefined {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [first, second] = file.slice(at + 'node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : first;
}

/**
 * The group of a frame: V8's pseudo-frames by name; node:… and code without a file (V8 builtins such
 * as JSON.parse, native functions) are node internals; node_modules/<pkg> by package; other files
 * under `root` are our code (a bundle nobody could map back stays 'bundle <file>'); anything else
 * is 'other'.
 */
export function classify(functionName: string, file: string, root: string): string {
  if (SPECIAL.has(functionName) && file === '') return functionName;
  if (file === '' || file.startsWith('node:')) return NODE_INTERNALS;
  if (file.startsWith('[turbopack]/')) return 'package next'; // the bundle's module runtime (Turbopack's)
  const pkg = packageOf(file);
  if (pkg) return `package ${pkg}`;
  const relative = relativeTo(file, root);
  if (relative === undefined) return 'other';
  if (relative.startsWith('.next')) return `bundle ${relative.split('/')[0]}`;
  return OUR_CODE;
}

function relativeTo(file: string, root: string): string | undefined {
  if (!file.startsWith('/')) return file; // already repo-relative (a source map's source)
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
}

export function summarize(profile: CpuProfile, opts: { root: string; resolve?: Resolve }): Summary {
  const { samples, timeDeltas } = profile;
  // Per-sample duration: from this sample's timestamp to the next one's.
  const selfByNode = new Map<number, number>();
  let at = profile.startTime;
  const stamps = timeDeltas.map((d) => (at += d));
  for (let i = 0; i < samples.length; i += 1) {
    const next = i + 1 < stamps.length ? stamps[i + 1]! : profile.endTime;
    const duration = Math.max(0, next - stamps[i]!);
    selfByNode.set(samples[i]!, (selfByNode.get(samples[i]!) ?? 0) + duration);
  }

  const functions = new Map<string, FunctionRow>();
  const groups = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const node of profile.nodes) {
    const us = selfByNode.get(node.id);
    if (!us) continue;
    const frame = node.callFrame;
    totalUs += us;
    if (frame.functionName === '(idle)') idleUs += us;
    const origin = frame.url ? opts.resolve?.(frame.url, frame.lineNumber, frame.columnNumber) : undefined;
    const rawFile = toPath(frame.url);
    const file = origin?.file ?? rawFile;
    const line = origin ? origin.line : frame.lineNumber + 1;
    const group = classify(frame.functionName, file, opts.root);
    const shown = file === '' ? '' : (relativeTo(file, opts.root) ?? file);
    const location = shown === '' ? (SPECIAL.has(frame.functionName) ? '' : '(native)') : `${shown}:${line}`;
    // Minified bundles name functions e.g. `a`: the source map's name, when it has one, reads better.
    const name = (origin?.name && frame.functionName.length <= 2 ? origin.name : frame.functionName) || '(anonymous)';
    const key = `${group}\0${name}\0${location}`;
    const row = functions.get(key) ?? { name, location, group, selfMs: 0 };
    row.selfMs += us / 1000;
    functions.set(key, row);
    groups.set(group, (groups.get(group) ?? 0) + us / 1000);
  }
  return {
    wallMs: (profile.endTime - profile.startTime) / 1000,
    samples: samples.length,
    cpuMs: (totalUs - idleUs) / 1000,
    idleMs: idleUs / 1000,
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs),
    groups: [...groups.entries()].map(([group, selfMs]) => ({ group, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}
