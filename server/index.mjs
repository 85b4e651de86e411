// The app's HTTP server, in front of Next.js however the app runs: `npm run dev`, the test, browser-test
// and bench servers, and the standalone deployment (`npm start`; scripts/standalone-assets.mjs copies
// this folder into it). It runs Next.js in the same process (its custom-server API: no extra hop) and
// sets the client's address on every request before Next.js sees it (./client-address.mjs): Next.js
// itself fills X-Forwarded-For from the socket only when the client sent none.
//
//   node server/index.mjs [--dev] [--port 3000] [--hostname 0.0.0.0]
//
// PORT and TRUSTED_PROXIES come from the environment (and HOSTNAME in the standalone folder, as in the
// server.js Next.js writes there). A production server hands SIGTERM to the app (instrumentation.ts):
// it stops being ready, drains and exits.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import { parseTrustedProxies, setClientAddress } from './client-address.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dev = args.includes('--dev');
const dir = path.resolve(import.meta.dirname, '..');
// The standalone folder has Next.js's own server.js beside this folder; the repository does not.
const standalone = existsSync(path.join(dir, 'server.js'));
const port = Number(option('--port') ?? process.env.PORT ?? 3000);
const hostname = option('--hostname') ?? (standalone ? process.env.HOSTNAME || '0.0.0.0' : undefined);

let trusted;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

process.env.NODE_ENV ??= dev ? 'development' : 'production';
// No Next.js signal handler runs in a custom server; this lets the app's own take SIGTERM.
if (!dev) process.env.NEXT_MANUAL_SIG_HANDLE ??= 'true';
if (!dev) {
  // What the standalone server.js does: the configuration the build resolved (no next.config.ts is shipped
  // there). In the repository too: reading next.config.ts again would load the SWC compiler's native
  // library to compile it, about 25 MB of resident memory for the server's whole life (bench: peak RSS).
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  const built = path.join(dir, distDir, 'required-server-files.json');
  if (standalone || existsSync(built)) {
    const { config } = JSON.parse(readFileSync(built, 'utf8'));
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify({ ...config, distDir: `./${distDir}` });
  }
  if (standalone) process.chdir(dir);
}

// V8 lets the old generation grow to up to four times what survived its last full collection before
// collecting again; under a steady load of requests that was most of the server's peak memory (bench:
// peak RSS). Growing by at most half keeps the heap near its live size, for a few more (concurrent)
// collections. HEAP_GROWING_PERCENT sets another bound (0: V8's own choice); a --heap-growing-percent
// given to node itself wins.
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg.startsWith('--heap-growing-percent'));
const growing = Number(process.env.HEAP_GROWING_PERCENT ?? 50);
if (!dev && !given && Number.isInteger(growing) && growing > 0) v8.setFlagsFromString(`--heap-growing-percent=${growing}`);

// Imported after the environment is set: Next.js and React read NODE_ENV when they load.
const { default: next } = await import('next');
const server = createServer(async (req, res) => {
  try {
    setClientAddress(req.headers, req.socket.remoteAddress, trusted);
    await handle(req, res);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
});
const keepAlive = Number(process.env.KEEP_ALIVE_TIMEOUT);
if (Number.isInteger(keepAlive) && keepAlive > 0) server.keepAliveTimeout = keepAlive;
// Next.js adds its own 'upgrade' listener (the development server's hot reload) on the first request;
// this one runs before it, on the same request object.
server.on('upgrade', (req) => setClientAddress(req.headers, req.socket.remoteAddress, trusted));

const app = next({ dev, dir, port, hostname, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();
server.listen(port, hostname, () => {
  console.log(`> ready on http://${hostname && hostname !== '0.0.0.0' ? hostname : 'localhost'}:${port} (${dev ? 'development' : 'production'})`);
});
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
