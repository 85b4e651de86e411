// Inngest function "restore": a thin wrapper over lib/jobs/maintenance.ts.
import { restoreJob } from '@/lib/jobs/maintenance';
import { createFunction } from '../create-function';

export const restoreFunction = createFunction(restoreJob);
