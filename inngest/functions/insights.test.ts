// The insights function through @inngest/test (fresh engine), against the real database: 21 days of
// resting heart rate rising 1 bpm/day (MEDIUM: HIGH needs more than 1 bpm/day) produce one active RESTING_HR_TREND insight, updated (not
// repeated) on a second run.
import { InngestTestEngine } from '@inngest/test';
import { describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { addDays, localDate } from '@/lib/time';
import { createUser } from '@/test/factories';
import { insightsFunction } from './insights';

describe('insights function', () => {
  it('raises one active insight per kind and updates it in place', async () => {
    const user = await createUser({ timeZone: 'UTC' });
    const today = localDate(Date.now(), 'UTC');
    for (let i = 0; i < 21; i++) {
      await pool().query(
        `INSERT INTO health_aggregates (user_id, type, period, period_start, value, min, max, count, sum, sources)
         VALUES ($1, 'RESTING_HEART_RATE', 'DAY', $2::timestamp, $3, $3, $3, 1, $3, '{}')`,
        [user.id, addDays(today, -20 + i), 60 + i],
      );
    }
    const run = () =>
      new InngestTestEngine({ function: insightsFunction }).execute({
        events: [{ name: 'health/aggregates.updated', data: { userId: user.id } }],
        steps: [{ id: 'follow-up', handler: () => ({ ids: ['mocked'] }) }], // the new insight's notification is sent at once
      });
    expect((await run()).result).toMatchObject({ created: 1 });
    expect((await run()).result).toMatchObject({ created: 0, active: 1 });
    const insights = await prisma.insight.findMany({ where: { userId: user.id } });
    expect(insights.map((i) => [i.kind, i.status, i.severity])).toEqual([['RESTING_HR_TREND', 'ACTIVE', 'MEDIUM']]);
  });
});
