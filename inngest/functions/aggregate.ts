// Inngest function "aggregate": a thin wrapper over lib/jobs/aggregate.ts.
import { aggregateJob } from '@/lib/jobs/aggregate';
import { createFunction } from '../create-function';

export const aggregateFunction = createFunction(aggregateJob);
