// Inngest function "partitions": a thin wrapper over lib/jobs/maintenance.ts.
import { partitionsJob } from '@/lib/jobs/maintenance';
import { createFunction } from '../create-function';

export const partitionsFunction = createFunction(partitionsJob);
