// Inngest function "integrity": a thin wrapper over lib/jobs/maintenance.ts.
import { integrityJob } from '@/lib/jobs/maintenance';
import { createFunction } from '../create-function';

export const integrityFunction = createFunction(integrityJob);
