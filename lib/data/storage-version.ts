// The database's version, which Nightscout's API v3 reports as its storage (`/version`, `/status`).
// Read once per process: it does not change while we run.
import { prisma } from '../db/client';

let version: Promise<string> | undefined;

export function storageVersion(): Promise<string> {
  version ??= prisma.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`
    .then(([row]) => row?.version ?? 'unknown')
    .catch((error: unknown) => {
      version = undefined; // try again next time
      throw error;
    });
  return version;
}
