// bench/results/profile.md from the per-endpoint summaries of `npm run bench:profile`.
import type { Summary } from './summarize';

export type EndpointProfile = {
  name: string;
  what: string;
  requests: number;
  /** The load's wall time as the clients saw it. */
  wallSeconds: number;
  /** The server process's CPU time over the load (/proc: user + system, every thread). */
  processCpuMs: number | null;
  summary: Summary;
  profileFile: string;
};

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');

export function profileMarkdown(args: { command: string; date: string; machine: string; setup: string; endpoints: EndpointProfile[]; top?: number }): string {
  const top = args.top ?? 15;
  const lines = [
    '# CPU profile of the API, per endpoint',
    '',
    `${args.date} · ${args.machine} · \`${args.command}\``,
    '',
    args.setup,
    '',
    'How to read it: for each endpoint the production server ran with V8\'s sampling CPU profiler on (through',
    'the inspector, started after the warm-up and stopped after the last answer), while the bench\'s clients',
    'sent that endpoint alone. **Self time** is the time a function was on top of the stack (not counting',
    'what it called). **Busy** is all self time except `(idle)`: the main thread\'s time not waiting for',
    'I/O. The sampler runs on wall-clock time, so on a loaded machine busy time includes time the thread was',
    'ready but not scheduled, and overstates CPU; **CPU (/proc)** is the server process\'s real CPU time over',
    'the same span (user + system, all threads: also GC helpers and libuv\'s pool). Compare endpoints and',
    'functions within one run, by their shares, rather than absolute ms across runs.',
    '*ms/request* = time / requests; % is of busy time. Locations are mapped back to the sources through',
    'the build\'s source maps (a location in `.next-bench/` is a bundle without one). Groups: *our code*',
    '(repository files outside node_modules), *package X* (node_modules/X, bundled or not; `[turbopack]/`',
    'is the bundle\'s module runtime, counted to next), *node internals* (`node:` modules, V8 builtins and',
    'native code such as the socket `write`s, `runMicrotasks` and JSON), and V8\'s `(garbage collector)`',
    'and `(program)` (the VM itself). PostgreSQL\'s own time is not in it (another process): an endpoint',
    'whose busy time per request is far below its latency waits on the database or for the CPU.',
    '',
    '| endpoint | requests | wall s | requests/s | busy ms/request (profile) | CPU ms/request (/proc) | GC % of busy |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const e of args.endpoints) {
    const gc = e.summary.groups.find((g) => g.group === '(garbage collector)')?.selfMs ?? 0;
    lines.push(
      `| ${e.name} | ${e.requests} | ${fixed(e.wallSeconds, 1)} | ${Math.round(e.requests / e.wallSeconds)} | ${fixed(e.summary.cpuMs / e.requests)} | ${e.processCpuMs === null ? '–' : fixed(e.processCpuMs / e.requests)} | ${pct(gc, e.summary.cpuMs)} |`,
    );
  }
  for (const e of args.endpoints) {
    const { summary: s } = e;
    lines.push(
      '',
      `## ${e.name}`,
      '',
      `${e.what}. ${e.requests} requests in ${fixed(e.wallSeconds, 1)} s; profiled ${fixed(s.wallMs / 1000, 1)} s, ${s.samples} samples; busy ${fixed(s.cpuMs, 0)} ms = **${fixed(s.cpuMs / e.requests)} ms per request** (idle ${fixed(s.idleMs, 0)} ms)${e.processCpuMs === null ? '' : `; process CPU ${fixed(e.processCpuMs / e.requests)} ms per request`}.`,
      '',
      '| group | self ms | % of busy | ms/request |',
      '|---|---|---|---|',
      ...s.groups
        .filter((g) => g.group !== '(idle)')
        .slice(0, 12)
        .map((g) => `| ${g.group} | ${fixed(g.selfMs, 0)} | ${pct(g.selfMs, s.cpuMs)} | ${fixed(g.selfMs / e.requests, 3)} |`),
      '',
      `Top ${top} functions by self time:`,
      '',
      '| # | function | location | group | self ms | % of busy | ms/request |',
      '|---|---|---|---|---|---|---|',
      ...s.functions
        .filter((f) => f.name !== '(idle)')
        .slice(0, top)
        .map((f, i) => `| ${i + 1} | \`${f.name.replaceAll('|', '\\|')}\` | ${f.location ? `\`${f.location}\`` : ''} | ${f.group} | ${fixed(f.selfMs, 0)} | ${pct(f.selfMs, s.cpuMs)} | ${fixed(f.selfMs / e.requests, 3)} |`),
      '',
      `Raw profile: \`${e.profileFile}\` (not kept in git; open it in Chrome DevTools → Performance, or speedscope).`,
    );
  }
  return lines.join('\n') + '\n';
}
