// The body of POST /api/v1/users/me/push-subscriptions: exactly what the browser's
// PushSubscription.toJSON() gives, and an optional label. Each refusal names its field and why.
import { z } from 'zod';
import { env } from '../env';
import { freeText } from '../http/text';
import { authProblem, endpointProblem, p256dhProblem } from './push-endpoint';

const checked = (max: number, problem: (value: string) => string | null) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const why = problem(value);
      if (why) ctx.addIssue({ code: 'custom', message: why });
    });

export const pushEndpoint = () => checked(2048, (endpoint) => endpointProblem(endpoint, env().push.endpointHosts));

export const subscriptionBody = () =>
  z.strictObject({
    endpoint: pushEndpoint(),
    // The browser's own expiry of the subscription (usually null); it re-subscribes itself (the service worker's pushsubscriptionchange).
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: checked(200, p256dhProblem), auth: checked(100, authProblem) }),
    label: freeText(100).optional(),
  });
