// `prisma generate` without a downloadable schema engine: Prisma 7 generates the client from its bundled
// WASM, but the CLI still checks that an engine file exists, so point it at any existing file.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url);
const result = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engine, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
});
process.exit(result.status ?? 1);
