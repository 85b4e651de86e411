// After `next build`: the standalone server serves static assets only from its own folder, so copy the
// build's static files (and public/, if any) next to it, and our server (server/, which runs Next.js
// there as in every other mode: it sets the client's address) beside Next.js's own server.js.
import { cpSync, existsSync } from 'node:fs';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const target = `${distDir}/standalone`;
if (!existsSync(`${target}/server.js`)) {
  console.error(`${target}/server.js not found: run next build first (output: 'standalone')`);
  process.exit(1);
}
cpSync(`${distDir}/static`, `${target}/${distDir}/static`, { recursive: true });
if (existsSync('public')) cpSync('public', `${target}/public`, { recursive: true });
cpSync('server', `${target}/server`, { recursive: true, filter: (path) => !path.endsWith('.d.mts') });
console.log(`standalone server ready: node ${target}/server/index.mjs`);
