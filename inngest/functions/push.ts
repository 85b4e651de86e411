// Inngest function "push-delivery": a thin wrapper over lib/jobs/push.ts.
import { pushJob } from '@/lib/jobs/push';
import { createFunction } from '../create-function';

export const pushFunction = createFunction(pushJob);
