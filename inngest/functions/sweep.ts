// Inngest function "sweep": a thin wrapper over lib/jobs/sweep.ts.
import { sweepJob } from '@/lib/jobs/sweep';
import { createFunction } from '../create-function';

export const sweepFunction = createFunction(sweepJob);
