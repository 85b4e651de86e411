// The product's retention tiers, in one place. Day, week and month aggregates are kept forever: they
// are what patients and doctors look at over the years, and they are small.
import { yearsBefore } from './month';

export const RETENTION = {
  rawSampleYears: 7,
  hourAggregateYears: 2,
  insightYears: 2,
  shareTokenGraceDays: 30,
  idempotencyKeyHours: 24,
  /** Sign-in sessions end at most 12 hours after they start (lib/security/session-lifetime.ts). */
  userSessionHours: 24,
  jobRunDays: 90,
  /** Sign-up, reset and e-mail change links, used or not, a week after they expire. */
  accountTokenGraceDays: 7,
  /** Care-team invitations 30 days after they were answered, withdrawn or expired (the audit log keeps who did what). */
  careInvitationGraceDays: 30,
  /** A deleted user's data is kept this long (an admin can still undo it), then crypto-shredded. */
  deletedUserGraceDays: 30,
} as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type RetentionCutoffs = {
  rawSamples: Date;
  hourAggregates: Date;
  insights: Date;
  shareTokens: Date;
  idempotencyKeys: Date;
  userSessions: Date;
  jobRuns: Date;
  accountTokens: Date;
  careInvitations: Date;
  deletedUsers: Date;
};

/** Everything strictly older than these instants goes. */
export function retentionCutoffs(now: Date): RetentionCutoffs {
  return {
    rawSamples: yearsBefore(now, RETENTION.rawSampleYears),
    hourAggregates: yearsBefore(now, RETENTION.hourAggregateYears),
    insights: yearsBefore(now, RETENTION.insightYears),
    shareTokens: new Date(now.getTime() - RETENTION.shareTokenGraceDays * DAY_MS),
    idempotencyKeys: new Date(now.getTime() - RETENTION.idempotencyKeyHours * HOUR_MS),
    userSessions: new Date(now.getTime() - RETENTION.userSessionHours * HOUR_MS),
    jobRuns: new Date(now.getTime() - RETENTION.jobRunDays * DAY_MS),
    accountTokens: new Date(now.getTime() - RETENTION.accountTokenGraceDays * DAY_MS),
    careInvitations: new Date(now.getTime() - RETENTION.careInvitationGraceDays * DAY_MS),
    deletedUsers: new Date(now.getTime() - RETENTION.deletedUserGraceDays * DAY_MS),
  };
}
