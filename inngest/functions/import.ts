// Inngest function "import": a thin wrapper over lib/jobs/import.ts.
import { importJob } from '@/lib/jobs/import';
import { createFunction } from '../create-function';

export const importFunction = createFunction(importJob);
