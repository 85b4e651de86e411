import { describe, expect, it } from 'vitest';
import { sourcePath } from './sourcemaps';
import { classify, NODE_INTERNALS, OUR_CODE, summarize, type CpuProfile } from './summarize';

const ROOT = '/repo';
const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, url, lineNumber, columnNumber: 0 });

// A call tree: (root) → handler (our code) → parse (zod) → JSON.parse (a V8 builtin, no url);
// handler → stringify (node:internal); plus V8's (garbage collector), (program) and (idle).
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6, 7, 8] },
    { id: 2, callFrame: frame('handler', 'file:///repo/lib/data/summary.ts', 9), children: [3, 5] },
    { id: 3, callFrame: frame('parse', 'file:///repo/node_modules/zod/v4/core/parse.js', 40), children: [4] },
    { id: 4, callFrame: frame('parse'), children: [] },
    { id: 5, callFrame: frame('writeHead', 'node:_http_server', 99) },
    { id: 6, callFrame: frame('(garbage collector)') },
    { id: 7, callFrame: frame('(program)') },
    { id: 8, callFrame: frame('(idle)') },
  ],
  startTime: 1_000,
  // Sample i lasts until sample i+1 (the last one until endTime): the durations are
  // handler 1000, parse (zod) 2000, JSON parse 500, handler 1500, writeHead 250, GC 750, program 100, idle 4000.
  samples: [2, 3, 4, 2, 5, 6, 7, 8],
  timeDeltas: [0, 1000, 2000, 500, 1500, 250, 750, 100],
  endTime: 1_000 + 6_100 + 4_000,
};

describe('summarize', () => {
  const s = summarize(profile, { root: ROOT });

  it('gives each sample the time until the next one as the leaf’s self time', () => {
    const byName = Object.fromEntries(s.functions.map((f) => [`${f.name} ${f.location}`, f.selfMs]));
    expect(byName).toEqual({
      'handler lib/data/summary.ts:10': 2.5,
      'parse node_modules/zod/v4/core/parse.js:41': 2,
      'parse (native)': 0.5,
      'writeHead node:_http_server:100': 0.25,
      '(garbage collector) ': 0.75,
      '(program) ': 0.1,
      '(idle) ': 4,
    });
    expect(s.functions.map((f) => f.name).slice(0, 2)).toEqual(['(idle)', 'handler']);
  });

  it('counts CPU as everything but idle, over the profiled span', () => {
    expect(s.cpuMs).toBeCloseTo(6.1);
    expect(s.idleMs).toBe(4);
    expect(s.wallMs).toBeCloseTo(10.1);
    expect(s.samples).toBe(8);
  });

  it('groups our code, packages, node internals and V8’s own frames', () => {
    expect(Object.fromEntries(s.groups.map((g) => [g.group, g.selfMs]))).toEqual({
      [OUR_CODE]: 2.5,
      'package zod': 2,
      [NODE_INTERNALS]: 0.75,
      '(garbage collector)': 0.75,
      '(program)': 0.1,
      '(idle)': 4,
    });
  });

  it('attributes a bundled frame to the source its source map names', () => {
    const bundled: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3] },
        { id: 2, callFrame: frame('a', 'file:///repo/.next-bench/server/chunks/x.js', 0) },
        { id: 3, callFrame: frame('b', 'file:///repo/.next-bench/server/chunks/x.js', 0) },
      ],
      startTime: 0,
      samples: [2, 3],
      timeDeltas: [0, 1000],
      endTime: 3000,
    };
    const resolved = summarize(bundled, {
      root: ROOT,
      resolve: (url, line, column) => (column === 0 && url.endsWith('x.js') ? { file: 'node_modules/zod/v4/classic/schemas.js', line: line + 12, name: 'safeParse' } : undefined),
    });
    // Both minified frames map to one original function: one row, one package.
    expect(resolved.functions).toEqual([{ name: 'safeParse', location: 'node_modules/zod/v4/classic/schemas.js:12', group: 'package zod', selfMs: 3 }]);
    const unmapped = summarize(bundled, { root: ROOT });
    expect(unmapped.groups).toEqual([{ group: 'bundle .next-bench', selfMs: 3 }]);
  });
});

describe('classify', () => {
  it('names the innermost package, scoped ones whole', () => {
    expect(classify('f', '/repo/node_modules/@prisma/client/runtime/x.js', ROOT)).toBe('package @prisma/client');
    expect(classify('f', '/repo/node_modules/next/node_modules/react/index.js', ROOT)).toBe('package react');
    expect(classify('f', '/elsewhere/lib.js', ROOT)).toBe('other');
    expect(classify('f', 'node:internal/streams/readable', ROOT)).toBe(NODE_INTERNALS);
    expect(classify('f', '[turbopack]/nodejs/runtime/build-base.ts', ROOT)).toBe('package next');
  });
});

describe('sourcePath', () => {
  it('reads Turbopack’s and webpack’s source names as repo-relative paths', () => {
    expect(sourcePath('turbopack:///[project]/lib/data/summary.ts', '/repo/.next-bench/server/chunks', ROOT)).toBe('lib/data/summary.ts');
    expect(sourcePath('[project]/node_modules/zod/v4/core/parse.js [app-route] (ecmascript)', '/x', ROOT)).toBe('node_modules/zod/v4/core/parse.js');
    expect(sourcePath('webpack://pulse/./lib/time.ts', '/x', ROOT)).toBe('lib/time.ts');
    expect(sourcePath('turbopack:///[turbopack]/nodejs/runtime/build-base.ts', '/x', ROOT)).toBe('[turbopack]/nodejs/runtime/build-base.ts');
    expect(sourcePath('../../lib/time.ts', '/repo/.next-bench/server', ROOT)).toBe('lib/time.ts');
    expect(sourcePath('../../node_modules/%40prisma/adapter-pg/dist/index.mjs', '/repo/.next-bench/server', ROOT)).toBe('node_modules/@prisma/adapter-pg/dist/index.mjs');
  });
});
