// Every Inngest function, served at /api/inngest.
import { aggregateFunction } from './aggregate';
import { archiveFunction } from './archive';
import { digestFunction } from './digest';
import { emergencyEscalationFunction } from './emergency-escalation';
import { importFunction } from './import';
import { insightsFunction } from './insights';
import { integrityFunction } from './integrity';
import { mailFunction } from './mail';
import { partitionsFunction } from './partitions';
import { restoreFunction } from './restore';
import { retentionFunction } from './retention';
import { sweepFunction } from './sweep';

export const functions = [
  aggregateFunction, insightsFunction, sweepFunction, digestFunction,
  retentionFunction, partitionsFunction, integrityFunction, archiveFunction, restoreFunction, importFunction, mailFunction,
  emergencyEscalationFunction,
];
