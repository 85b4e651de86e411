// npm run db:seed — seeds demo data into DATABASE_URL or the embedded database.
import { resolveDatabase } from '../scripts/local-db';

const { url, stop } = await resolveDatabase('health');
process.env.DATABASE_URL = url;
const { seedDemo } = await import('./seed');
const { closeDb } = await import('../lib/db/client');
console.log(await seedDemo());
await closeDb();
await stop();
