// Abuse limits of care-team invitations (429 + Retry-After): sending, per inviter and per client address;
// desk codes tried, per account and per address (a code is guessed only by trying very many). Subjects
// are hashed by rate-limit.ts; settings in lib/env.ts.
import { env } from '../env';
import { enforceRateLimits } from '../security/rate-limit';

export function enforceInvitationSendLimit(inviterId: string, ip: string | null): Promise<void> {
  const limits = env().rateLimits;
  return enforceRateLimits([
    { rule: { scope: 'invite:inviter', limit: limits.invitesPerInviterPerHour, windowSeconds: 3600 }, subject: inviterId },
    { rule: { scope: 'invite:ip', limit: limits.invitesPerIpPerHour, windowSeconds: 3600 }, subject: ip ?? 'unknown' },
  ]);
}

export function enforceCodeRedeemLimit(userId: string, ip: string | null): Promise<void> {
  const limits = env().rateLimits;
  return enforceRateLimits([
    { rule: { scope: 'invite-code:account', limit: limits.inviteCodeTriesPerAccountPer10Minutes, windowSeconds: 600 }, subject: userId },
    { rule: { scope: 'invite-code:ip', limit: limits.inviteCodeTriesPerIpPer10Minutes, windowSeconds: 600 }, subject: ip ?? 'unknown' },
  ]);
}
