// Inngest function "insights": a thin wrapper over lib/jobs/insights.ts (debounced per user).
import { insightsJob } from '@/lib/jobs/insights';
import { createFunction } from '../create-function';

export const insightsFunction = createFunction(insightsJob);
