// The pipeline page's workflow runs as the server renders them: what each run is doing (sleeping until,
// waiting for an event until, retrying, failed with its error), and the pointer to Inngest's dashboard.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AdminTimeZone } from './time-zone';
import { WorkflowRuns } from './workflow-runs';

type Props = Parameters<typeof WorkflowRuns>[0]['workflows'];
const run = (over: Partial<Props['runs'][number]>): Props['runs'][number] => ({
  id: crypto.randomUUID(), functionId: 'emergency-escalation', status: 'SLEEPING', startedAt: '2026-11-12T03:00:00.000Z', updatedAt: '2026-11-12T03:00:00.000Z',
  finishedAt: null, wakeAt: null, waitingFor: null, lastStep: null, attempts: 0, error: null, ...over,
});
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const render = (workflows: Props) => text(renderToStaticMarkup(<AdminTimeZone timeZone="Europe/Paris"><WorkflowRuns workflows={workflows} /></AdminTimeZone>));

describe('WorkflowRuns', () => {
  it('says what each run is doing, in the admin’s zone', () => {
    const shown = render({
      mode: 'in-process',
      counts: { WAITING: 1, FAILED: 1, SLEEPING: 1, RUNNING: 1, COMPLETED: 7 },
      runs: [
        run({ status: 'SLEEPING', wakeAt: '2026-11-12T03:15:00.000Z', lastStep: 'until-recheck' }),
        run({ status: 'WAITING', wakeAt: '2026-11-12T03:30:00.000Z', waitingFor: 'emergency/acknowledged', lastStep: 'ack-before-escalate-2' }),
        run({ status: 'RUNNING', wakeAt: '2026-11-12T03:16:00.000Z', attempts: 2, error: 'Error: database unavailable', lastStep: 'escalate-1' }),
        run({ status: 'FAILED', finishedAt: '2026-11-12T03:40:00.000Z', attempts: 5, error: 'Error: boom' }),
      ],
    });
    expect(shown).toContain('1 running · 1 sleeping · 1 waiting · 1 failed · 7 completed');
    expect(shown).toContain('sleeping until 2026-11-12 04:15');
    expect(shown).toContain('waiting for emergency/acknowledged until 2026-11-12 04:30');
    expect(shown).toContain('retrying at 2026-11-12 04:16 (attempt 3)');
    expect(shown).toContain('Error: database unavailable');
    expect(shown).toContain('failed ended 2026-11-12 04:40');
    expect(shown).toContain('ack-before-escalate-2');
    expect(shown).not.toContain('Inngest dashboard');
  });

  it('under an Inngest server, points to its dashboard', () => {
    const shown = render({ mode: 'inngest', counts: {}, runs: [] });
    expect(shown).toContain('their runs, sleeps and waits are in the Inngest dashboard');
    expect(shown).toContain('No workflow runs.');
  });
});
