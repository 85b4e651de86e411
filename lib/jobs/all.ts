// Every job and durable workflow of the pipeline: the in-process registries (inngest/functions has one file each).
import { aggregateJob } from './aggregate';
import { digestJob } from './digest';
import { emergencyEscalationWorkflow } from './emergency-escalation';
import { importJob } from './import';
import { insightsJob } from './insights';
import { archiveJob, integrityJob, partitionsJob, restoreJob, retentionJob } from './maintenance';
import { mailJob } from './mail';
import { sweepJob } from './sweep';
import type { AnyJob, AnyWorkflow } from './types';

export const ALL_JOBS: readonly AnyJob[] = [
  aggregateJob, insightsJob, sweepJob, digestJob, retentionJob, partitionsJob, integrityJob, archiveJob, restoreJob, importJob, mailJob,
];

export const ALL_WORKFLOWS: readonly AnyWorkflow[] = [emergencyEscalationWorkflow];
