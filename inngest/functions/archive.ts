// Inngest function "archive": a thin wrapper over lib/jobs/maintenance.ts.
import { archiveJob } from '@/lib/jobs/maintenance';
import { createFunction } from '../create-function';

export const archiveFunction = createFunction(archiveJob);
