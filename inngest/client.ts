// The Inngest client. With an Inngest server configured (INNGEST_DEV, INNGEST_BASE_URL or
// INNGEST_EVENT_KEY; the SDK reads them) events go there; otherwise inngest/dispatch.ts runs the same
// job bodies in-process.
import { Inngest } from 'inngest';

export const inngest = new Inngest({ id: 'pulse-health' });
