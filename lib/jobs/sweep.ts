// Job "sweep": the safety net. Every user with dirty ranges left behind (a lost event, a crash, a
// restart, a priority change) gets an aggregate run, and every import a crash interrupted (no progress
// for 10 minutes) is started again from its last committed chunk, and every recent unsettled emergency
// gets its escalation started (a no-op when it runs already), every planned medication dose whose window
// passed with no log is written as missed (adherence never looks better than the doses taken), and the
// doses falling due are reminded (lib/data/medication-reminders.ts).
import { findUsersWithDirtyRanges } from '../data/aggregation/recompute-user';
import { doseJobs } from '../data/medication-reminders';
import { NOTIFICATION_DELIVERY_EVENTS } from '../data/notifications';
import { recentUnsettledEmergencies } from '../data/emergency-escalation';
import { staleImports } from '../data/imports';
import { defineJob } from './types';

export const sweepJob = defineJob({
  id: 'sweep',
  trigger: 'sweepRequested',
  cron: '*/5 * * * *',
  retries: 2,
  async run({ step, send }) {
    const users = await step.run('find-dirty-users', () => findUsersWithDirtyRanges());
    const imports = await step.run('find-stalled-imports', () => staleImports(10 * 60_000));
    // Doses first: an emergency they open is among the unsettled ones, whose escalation starts below.
    const doses = await step.run('medication-doses', () => doseJobs(Date.now()));
    const emergencies = await step.run('find-unsettled-emergencies', () => recentUnsettledEmergencies());
    await send([
      ...emergencies.map((data) => ({ key: 'emergencyOpened', data }) as const),
      ...users.map((userId) => ({ key: 'samplesSynced', data: { userId } }) as const),
      ...imports.map((i) => ({ key: 'importRequested', data: { userId: i.userId, importId: i.id } }) as const),
      ...(doses.reminders > 0 || doses.alerts.length > 0 ? NOTIFICATION_DELIVERY_EVENTS : []),
    ]);
    return { users: users.length, imports: imports.length, emergencies: emergencies.length, missedDoses: doses.missed, missedDoseAlerts: doses.alerts.length, reminders: doses.reminders };
  },
});
