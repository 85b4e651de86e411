// POST /api/v1/emergencies/:id/acknowledge | escalate | resolve — by the patient, their doctors, or
// caregivers allowed to receive their alerts; anyone else gets 404.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { isUuid } from '@/lib/data/access';
import { actOnEmergency, type EmergencyAction, eventsAfterAction } from '@/lib/data/emergencies';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

const ACTIONS: readonly EmergencyAction[] = ['acknowledge', 'escalate', 'resolve'];

export const POST = route<{ id: string; action: string }>({ kind: 'emergency', param: 'id' }, async (_req, { id, action }) => {
  // Any signed-in role: whoever may not act on the event (an admin too) gets the same 404.
  const caller = await requireCaller();
  if (!ACTIONS.includes(action as EmergencyAction) || !isUuid(id)) throw notFound('emergency event');
  const event = await actOnEmergency(caller, id, action as EmergencyAction);
  after(() => dispatch(eventsAfterAction(event, action as EmergencyAction)));
  return NextResponse.json(event);
});
