// Every Inngest function, served at /api/inngest.
import { aggregateFunction } from './aggregate';
import { digestFunction } from './digest';
import { sweepFunction } from './sweep';

export const functions = [aggregateFunction, sweepFunction, digestFunction];
