// Inngest function "emergency-escalation": a thin wrapper over the durable workflow in
// lib/jobs/emergency-escalation.ts (step.sleepUntil / step.waitForEvent; one run per emergency).
import { emergencyEscalationWorkflow } from '@/lib/jobs/emergency-escalation';
import { createWorkflowFunction } from '../create-function';

export const emergencyEscalationFunction = createWorkflowFunction(emergencyEscalationWorkflow);
