// Workflow "emergency-escalation": started once per emergency episode (emergencyOpened), it keeps
// telling people until someone answers. At the patient's timings after the alert opened: a re-check
// reminder after a low, then escalation level 1 (everyone again, plus the doctors who chose immediate
// delivery), then level 2 (plus those who chose the daily digest, and everyone again). Between actions
// it waits for emergencyAcknowledged; once acknowledged it escalates no further, but a low's re-check
// reminder still comes (acknowledging is not treating). Times are absolute from the opening, so a late
// start never delays what is already due. Each action re-reads the episode (lib/data/
// emergency-escalation.ts), so an acknowledgement whose event was lost still stops it.
import { escalateEmergency, escalationPlan, isSettled, remindRecheck } from '../data/emergency-escalation';
import { defineWorkflow } from './types';

type Action = { id: 'recheck' | 'escalate-1' | 'escalate-2'; at: string };

/** The actions in time order (ISO times: step results are JSON). Ids and times only, no reading. */
export function escalationSchedule(plan: {
  kind: string;
  openedAt: string;
  escalateAfterMinutes: number;
  escalateAgainAfterMinutes: number;
  recheckAfterMinutes: number;
}): Action[] {
  const at = (minutes: number) => new Date(new Date(plan.openedAt).getTime() + minutes * 60_000).toISOString();
  const actions: Action[] = [
    ...(plan.kind === 'GLUCOSE_LOW' ? [{ id: 'recheck' as const, at: at(plan.recheckAfterMinutes) }] : []),
    { id: 'escalate-1', at: at(plan.escalateAfterMinutes) },
    { id: 'escalate-2', at: at(plan.escalateAgainAfterMinutes) },
  ];
  return actions.sort((a, b) => a.at.localeCompare(b.at)); // stable: a re-check due with an escalation goes first
}

export const emergencyEscalationWorkflow = defineWorkflow({
  id: 'emergency-escalation',
  trigger: 'emergencyOpened',
  idempotencyKey: 'emergencyEventId',
  retries: 4,
  async run({ data, step }) {
    const id = data.emergencyEventId;
    const schedule = await step.run('plan', async () => {
      const plan = await escalationPlan(id);
      return plan ? escalationSchedule(plan) : null;
    });
    if (!schedule) return { escalated: 0, acknowledged: false, reminded: false, missing: true };

    let acknowledged = false;
    let escalated = 0;
    let reminded = false;
    let previous: string | null = null;
    for (const action of schedule) {
      if (acknowledged && action.id !== 'recheck') continue;
      const due = new Date(action.at);
      // Until the action's time, an acknowledgement cancels the escalation (one wait per point in time).
      if (!acknowledged && action.at !== previous) {
        if (await step.waitForEvent(`ack-before-${action.id}`, { event: 'emergencyAcknowledged', match: 'emergencyEventId', until: due })) acknowledged = true;
      }
      previous = action.at;
      if (action.id === 'recheck') {
        if (acknowledged) await step.sleepUntil('until-recheck', due); // returns at once when it is due already
        reminded = (await step.run('recheck', () => remindRecheck(id))).reminded;
        continue;
      }
      if (acknowledged) continue;
      const level = action.id === 'escalate-1' ? 1 : 2;
      if ((await step.run(action.id, () => escalateEmergency(id, level))).escalated) {
        escalated = level;
        continue;
      }
      // Not escalated: acknowledged (its event may have been lost), resolved, or raised by hand already.
      const settled = await step.run(`settled-after-${action.id}`, () => isSettled(id));
      if (settled.resolved) break;
      if (settled.acknowledged) acknowledged = true;
    }
    return { escalated, acknowledged, reminded };
  },
});
