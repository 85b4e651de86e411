// Every job of the pipeline: the in-process runner's registry (inngest/functions has one file each).
import { aggregateJob } from './aggregate';
import { digestJob } from './digest';
import { importJob } from './import';
import { insightsJob } from './insights';
import { archiveJob, integrityJob, partitionsJob, restoreJob, retentionJob } from './maintenance';
import { mailJob } from './mail';
import { pushJob } from './push';
import { sweepJob } from './sweep';
import type { AnyJob } from './types';

export const ALL_JOBS: readonly AnyJob[] = [
  aggregateJob, insightsJob, sweepJob, digestJob, retentionJob, partitionsJob, integrityJob, archiveJob, restoreJob, importJob, mailJob,
  pushJob,
];
