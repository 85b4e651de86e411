// Inngest function "notification-digest": a thin wrapper over lib/jobs/digest.ts (the daily digests).
import { digestJob } from '@/lib/jobs/digest';
import { createFunction } from '../create-function';

export const digestFunction = createFunction(digestJob);
