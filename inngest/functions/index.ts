// Every Inngest function, served at /api/inngest.
import { aggregateFunction } from './aggregate';
import { digestFunction } from './digest';
import { insightsFunction } from './insights';
import { sweepFunction } from './sweep';

export const functions = [aggregateFunction, insightsFunction, sweepFunction, digestFunction];
