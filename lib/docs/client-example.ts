// The sync client example of the integrator guide (/developers) and of packages/sync-client/README.md:
// lib/docs/integrator-examples.test.ts type-checks it against the package's source, runs it against the
// real server (with the placeholders below filled in) and checks the README carries it unchanged.

export const CLIENT_EXAMPLE_PLACEHOLDERS = {
  baseUrl: "'https://pulse.example.org'",
  deviceId: "'<deviceId>'",
  token: "'<token>'",
  queueFile: "'pulse-queue.db'",
} as const;

export const CLIENT_EXAMPLE = `import { SyncClient } from '@pulse/sync-client';
// Browsers: openIndexedDbStore() and importKey() / generateKey() from the main entry.
import { importNodeKey, openFileStore } from '@pulse/sync-client/node';

const client = new SyncClient({
  baseUrl: 'https://pulse.example.org',
  deviceId: '<deviceId>', // from the registration
  token: '<token>', // shown once at registration: keep it in the platform's keystore
  store: await openFileStore('pulse-queue.db'), // the offline queue, encrypted
  key: importNodeKey(Buffer.from(process.env.PULSE_QUEUE_KEY!, 'base64')), // 32 bytes the app keeps secret
});
client.on('rejected', ({ rejections }) => {
  for (const r of rejections) console.warn(\`not stored: \${r.sample.type} \${r.field} \${r.reason}\`);
});
client.on('error', ({ error, willRetry }) => {
  if (!willRetry) console.error(\`sync stopped (\${error.status ?? error.kind}): \${error.message}\`);
});

// In the queue once this resolves: a crash, a restart or no network loses nothing.
await client.enqueue([
  { type: 'BLOOD_PRESSURE_SYSTOLIC', value: 121, unit: 'mm[Hg]', startDate: '2025-06-01T08:05:00+05:30',
    endDate: '2025-06-01T08:05:00+05:30', clientRecordId: 'bp-20250601-0805-sys' },
  { type: 'BLOOD_PRESSURE_DIASTOLIC', value: 79, unit: 'mm[Hg]', startDate: '2025-06-01T08:05:00+05:30',
    endDate: '2025-06-01T08:05:00+05:30', clientRecordId: 'bp-20250601-0805-dia' },
]);
const result = await client.sync(); // or client.start({ intervalMs: 60_000 }) to keep syncing
console.log(\`\${result.accepted} stored, \${result.duplicates} duplicates, \${result.rejected} rejected\`);
await client.stop();
`;
