// Inngest function "retention": a thin wrapper over lib/jobs/maintenance.ts.
import { retentionJob } from '@/lib/jobs/maintenance';
import { createFunction } from '../create-function';

export const retentionFunction = createFunction(retentionJob);
