// Integration (real server and PostgreSQL): every HTTP example of the integrator guide (/developers) is
// replayed from the curl command the guide shows, and its answer must be the one the guide shows (every
// field; `<name>` values bound once and equal wherever they appear again). The sync client example is
// type-checked against the package's source, run against the server, and found unchanged in the
// package's README.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { createSignedInUser } from '@/test/factories';
import { baseUrl } from '@/test/http';
import { CLIENT_EXAMPLE, CLIENT_EXAMPLE_PLACEHOLDERS } from './client-example';
import { curlCommand, EXAMPLE_ORIGIN, EXAMPLES, type ExampleName, type HttpExample } from './integrator-examples';

type Vars = Map<string, string>;

/** The words of a command as a POSIX shell reads them (single quotes, `'\''`, backslash-newline). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      if (command[i + 1] !== '\n') word = (word ?? '') + command[i + 1];
      i += 1;
    } else if (c === ' ' || c === '\n') {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}

/** The request a curl command of the guide makes: -X, the URL, -H and --data-raw (nothing else is used). */
function parseCurl(command: string) {
  const [curl, ...args] = shellWords(command);
  expect(curl).toBe('curl');
  const request = { method: 'GET', url: '', headers: {} as Record<string, string>, body: undefined as string | undefined };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-X') request.method = args[++i]!;
    else if (arg === '-H') {
      const header = args[++i]!;
      const colon = header.indexOf(':');
      request.headers[header.slice(0, colon)] = header.slice(colon + 1).trim();
    } else if (arg === '--data-raw') request.body = args[++i]!;
    else if (!arg.startsWith('-') && !request.url) request.url = arg;
    else throw new Error(`unexpected curl argument ${arg}`);
  }
  return request;
}

const PLACEHOLDER = /<(\w+)(:number)?>/g;

function fill(text: string, vars: Vars): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars.get(name);
    if (value === undefined) throw new Error(`<${name}> is not known yet`);
    return value;
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `actual` differs from the documented `expected` (placeholders bind, or must equal what they bound). */
function differences(expected: unknown, actual: unknown, vars: Vars, at = '$'): string[] {
  if (typeof expected === 'string') {
    // A number stands for `<name:number>` as its digits.
    if (/^<\w+:number>$/.test(expected) && typeof actual === 'number') return differences(expected, String(actual), vars, at);
    if (typeof actual !== 'string') return [`${at}: ${JSON.stringify(actual)} is not a string like ${JSON.stringify(expected)}`];
    const names: string[] = [];
    let source = '';
    let last = 0;
    for (const m of expected.matchAll(PLACEHOLDER)) {
      source += escapeRegExp(expected.slice(last, m.index));
      const bound = vars.get(m[1]!);
      if (bound !== undefined) source += escapeRegExp(bound);
      else {
        names.push(m[1]!);
        source += m[2] ? '(\\d+)' : '(.+?)';
      }
      last = m.index + m[0].length;
    }
    const match = new RegExp(`^${source}${escapeRegExp(expected.slice(last))}$`).exec(actual);
    if (!match) return [`${at}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`];
    names.forEach((name, i) => vars.set(name, match[i + 1]!));
    return [];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${at}: ${JSON.stringify(actual)} is not an array of ${expected.length}`];
    return expected.flatMap((e, i) => differences(e, actual[i], vars, `${at}[${i}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return [`${at}: ${JSON.stringify(actual)} is not an object`];
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) => differences((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], vars, `${at}.${key}`));
  }
  return Object.is(expected, actual) ? [] : [`${at}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`];
}

/** The example's documented answer with this server's origin in place of the guide's. */
function atThisServer(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll(EXAMPLE_ORIGIN, baseUrl()));
}

/** Sends the request the guide's curl command makes; the answer must be the documented one. */
async function replay(name: ExampleName, vars: Vars) {
  const example: HttpExample = EXAMPLES[name];
  const request = parseCurl(curlCommand(example));
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, fill(v, vars)]));
  const res = await fetch(fill(request.url.replace(EXAMPLE_ORIGIN, baseUrl()), vars), {
    method: request.method, headers, body: request.body && fill(request.body, vars), redirect: 'manual',
  });
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : null;
  return { res, body, check: () => checkAnswer(example, res, body, vars) };
}

function checkAnswer(example: HttpExample, res: Response, body: unknown, vars: Vars) {
  expect(res.status, JSON.stringify(body)).toBe(example.status);
  const issues = differences(atThisServer(example.response), body, vars);
  for (const [name, value] of Object.entries(example.responseHeaders ?? {})) {
    issues.push(...differences(value, res.headers.get(name) ?? `(no ${name} header)`, vars, `header ${name}`));
  }
  expect(issues).toEqual([]);
}

async function replayed(name: ExampleName, vars: Vars) {
  const result = await replay(name, vars);
  result.check();
  return result;
}

/** A signed-in patient's session, as the examples' `<session>`. */
async function patientVars(): Promise<Vars> {
  const { cookie } = await createSignedInUser();
  const session = /(?:^|; )next-auth\.session-token=([^;]+)/.exec(cookie)?.[1];
  if (!session) throw new Error('no session cookie');
  return new Map([['session', session]]);
}

async function samplesOf(deviceId: string) {
  const rows = await prisma.healthSample.findMany({ where: { deviceId }, select: { type: true, value: true } });
  return rows.sort((x, y) => x.type.localeCompare(y.type));
}

describe('the integrator guide’s HTTP examples, replayed', () => {
  let vars: Vars;
  beforeAll(async () => {
    vars = await patientVars();
  });

  it('a signed-in patient registers a device and gets its token once', async () => {
    await replayed('register', vars);
    expect(vars.get('token')).toMatch(/^hdt_[\w-]{43}$/);
  });

  it('a bad device type is refused, naming the field', async () => {
    await replayed('registerInvalid', vars);
  });

  it('a sync stores the good samples and names the rejected one', async () => {
    await replayed('sync', vars);
    expect(await samplesOf(vars.get('deviceId')!)).toEqual([{ type: 'HEART_RATE', value: 62 }, { type: 'STEPS', value: 1200 }]);
  });

  it('the same request with the same Idempotency-Key is answered with the first answer, nothing stored twice', async () => {
    await replayed('replay', vars);
    await replayed('resendNewKey', vars);
    expect(await samplesOf(vars.get('deviceId')!)).toHaveLength(2);
  });

  it('the same key with another body, a batch of only bad samples and a wrong token are refused in the one error shape', async () => {
    await replayed('keyReused', vars);
    await replayed('allRejected', vars);
    await replayed('badToken', vars);
    expect(await samplesOf(vars.get('deviceId')!)).toHaveLength(2);
  });

  it('past the per-device limit the request is answered 429 with Retry-After', async () => {
    const own = await patientVars();
    await replayed('register', own);
    const limit = env().rateLimits.syncPerDevicePerMinute;
    // The first is stored, the next are replays, until the window's limit (at most two windows' worth).
    for (let i = 0; i <= 2 * limit; i++) {
      const { res, body, check } = await replay('rateLimited', own);
      if (res.status === 429) return check();
      expect(res.status, JSON.stringify(body)).toBe(200);
    }
    throw new Error('never limited');
  });

  it('a Nightscout uploader is created and takes a reading as the apps send it', async () => {
    await replayed('nightscoutSite', vars);
    await replayed('nightscoutEntries', vars);
  });
});

describe('the sync client example', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const src = path.join(root, 'packages/sync-client/src');
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pulse-client-example-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('type-checks against the package', async () => {
    const file = path.join(dir, 'checked.ts');
    await writeFile(file, CLIENT_EXAMPLE);
    const program = ts.createProgram([file], {
      strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: ['node'],
      typeRoots: [path.join(root, 'node_modules/@types')],
      paths: { '@pulse/sync-client': [path.join(src, 'index.ts')], '@pulse/sync-client/node': [path.join(src, 'node.ts')] },
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  it('syncs its samples to the server', async () => {
    const own = await patientVars();
    await replayed('register', own);
    let code = CLIENT_EXAMPLE.replace("'@pulse/sync-client/node'", `'${path.join(src, 'node.ts')}'`).replace("'@pulse/sync-client'", `'${path.join(src, 'index.ts')}'`);
    const values = { baseUrl: baseUrl(), deviceId: own.get('deviceId')!, token: own.get('token')!, queueFile: path.join(dir, 'queue.db') };
    for (const [name, placeholder] of Object.entries(CLIENT_EXAMPLE_PLACEHOLDERS)) {
      expect(code).toContain(placeholder);
      code = code.replace(placeholder, `'${values[name as keyof typeof values]}'`);
    }
    const file = path.join(dir, 'run.ts');
    await writeFile(file, code);
    vi.stubEnv('PULSE_QUEUE_KEY', randomBytes(32).toString('base64'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(/* @vite-ignore */ file);
      expect(log).toHaveBeenCalledWith('2 stored, 0 duplicates, 0 rejected');
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(await samplesOf(own.get('deviceId')!)).toEqual([{ type: 'BLOOD_PRESSURE_DIASTOLIC', value: 79 }, { type: 'BLOOD_PRESSURE_SYSTOLIC', value: 121 }]);
  });

  it('is the one in the package README', async () => {
    const readme = await readFile(path.join(root, 'packages/sync-client/README.md'), 'utf8');
    expect(readme).toContain(CLIENT_EXAMPLE);
  });
});
