// After `next build`: the standalone server (.next/standalone/server.js) serves static assets only from
// its own folder, so copy the build's static files (and public/, if any) next to it.
import { cpSync, existsSync } from 'node:fs';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const target = `${distDir}/standalone`;
if (!existsSync(`${target}/server.js`)) {
  console.error(`${target}/server.js not found: run next build first (output: 'standalone')`);
  process.exit(1);
}
cpSync(`${distDir}/static`, `${target}/${distDir}/static`, { recursive: true });
if (existsSync('public')) cpSync('public', `${target}/public`, { recursive: true });
console.log(`standalone server ready: NEXT_MANUAL_SIG_HANDLE=true node ${target}/server.js`);
