// Insights: derived from the user's daily aggregates, glucose readings and medication logs by the pure
// rules in lib/pipeline/insights. At most one ACTIVE insight per kind and user: it is updated in place,
// not repeated. A condition that no longer holds resolves it; one the patient acknowledged or dismissed
// is not raised again unless it gets worse. Views, acknowledgements and dismissals are recorded.
// Texts are built from the rule's numbers for whoever reads them (lib/format/insight-text).
import { randomUUID } from 'node:crypto';
import { prisma } from '../db/client';
import { renderInsightText, type InsightReader } from '../format/insight-text';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { findLanguage, getLocale } from '../i18n/server';
import type { HealthType } from '../health';
import {
  activityChange, glucoseTimeInRange, lastWholeDay, medicationAdherence, restingHrTrend, sleepDeficit,
  type DailyValue, type InsightKind, type InsightResult,
} from '../pipeline/insights';
import { addDays, localDate, zonedDayRangeUtc } from '../time';
import { findDisplayUnits } from './aggregates';
import { encryptInsightTexts } from './insight-fields';
import { notifyPatient } from './notifications';
import { markMissedDoses } from './medication-doses';
import { loadGlucoseWindows } from './triage-glucose';

const SEVERITY_RANK = { INFO: 0, LOW: 1, MEDIUM: 2, HIGH: 3 } as const;
const ALL_KINDS: InsightKind[] = ['RESTING_HR_TREND', 'SLEEP_DEFICIT', 'ACTIVITY_CHANGE', 'GLUCOSE_TIME_IN_RANGE', 'MEDICATION_ADHERENCE'];

async function dailyValues(userId: string, type: HealthType, from: string, to: string): Promise<DailyValue[]> {
  const rows = await prisma.$queryRaw<{ day: string; value: number }[]>`
    SELECT to_char(period_start, 'YYYY-MM-DD') AS day, value FROM health_aggregates
    WHERE user_id = ${userId}::uuid AND type = ${type}::"HealthType" AND period = 'DAY'
      AND period_start >= ${from}::date AND period_start < (${to}::date + 1) ORDER BY period_start`;
  return rows;
}

/**
 * The language a person reads insight texts in: their preference; with none, when they are reading in a
 * request of their own, the request's (the switcher's cookie, Accept-Language: their pages' language);
 * else English. A job (or someone else's request) never uses the request's.
 */
export async function readerLocale(userId: string, ownRequest: boolean): Promise<Locale> {
  const preferred = await findLanguage(userId);
  if (preferred || !ownRequest) return preferred ?? DEFAULT_LOCALE;
  return getLocale().catch(() => DEFAULT_LOCALE); // outside a request (a script, a test): English
}

/** The patient reading their own insights (and their notifications), in their own units and language. */
async function patientReader(userId: string, ownRequest = false): Promise<InsightReader> {
  const [units, locale] = await Promise.all([findDisplayUnits(userId), readerLocale(userId, ownRequest)]);
  return { audience: 'patient', units, locale };
}

/** Evaluates every rule for the user now. */
export async function evaluateInsights(userId: string, now = new Date()): Promise<Map<InsightKind, InsightResult | null>> {
  const profile = await prisma.profile.findUnique({ where: { userId }, select: { timeZone: true } });
  const timeZone = profile?.timeZone ?? 'UTC';
  const nowMs = now.getTime();
  const today = localDate(nowMs, timeZone);
  const from = addDays(today, -40);
  const lastDay = lastWholeDay(nowMs, timeZone); // daily rules judge whole days only
  const sleepType = (await prisma.healthAggregate.count({ where: { userId, type: 'SLEEP_STATE', period: 'DAY' } })) > 0 ? 'SLEEP_STATE' : 'SLEEP_ANALYSIS';
  await markMissedDoses(nowMs, userId); // an unlogged dose past its window counts as missed
  const logs = await prisma.medicationLog.findMany({
    where: { userId, scheduledAt: { gte: new Date(zonedDayRangeUtc(addDays(today, -31), timeZone).startMs), lte: now } },
    select: { scheduledAt: true, status: true },
  });
  const glucose = (await loadGlucoseWindows([{ id: userId, timeZone }], nowMs)).get(userId);
  return new Map<InsightKind, InsightResult | null>([
    ['RESTING_HR_TREND', restingHrTrend({ days: await dailyValues(userId, 'RESTING_HEART_RATE', from, lastDay), today: lastDay })],
    ['SLEEP_DEFICIT', sleepDeficit({ nights: await dailyValues(userId, sleepType, from, lastDay), today: lastDay })],
    ['ACTIVITY_CHANGE', activityChange({ steps: await dailyValues(userId, 'STEPS', from, lastDay), today: lastDay })],
    ['GLUCOSE_TIME_IN_RANGE', glucoseTimeInRange({
      readings: glucose?.readings ?? [], nowMs, timeZone,
      ...(glucose ? { cgm: { points: glucose.cgm, fromMs: glucose.cgmFromMs, preset: glucose.preset, meter: glucose.meter } } : {}),
    })],
    ['MEDICATION_ADHERENCE', medicationAdherence({ logs: logs.flatMap((l) => (l.scheduledAt ? [{ scheduledAtMs: l.scheduledAt.getTime(), status: l.status }] : [])), nowMs, timeZone })],
  ]);
}

/** Applies the rules' results: update, create, resolve; notifies for new or risen insights of medium severity or more. */
export async function refreshInsights(userId: string, now = new Date()): Promise<{ active: number; created: number; resolved: number }> {
  const results = await evaluateInsights(userId, now);
  const reader = await patientReader(userId);
  let created = 0;
  let resolved = 0;
  for (const kind of ALL_KINDS) {
    const result = results.get(kind) ?? null;
    const active = await prisma.insight.findFirst({ where: { userId, kind, status: 'ACTIVE' } });
    if (!result) {
      if (active) {
        await prisma.insight.update({ where: { id: active.id }, data: { status: 'RESOLVED' } });
        resolved += 1;
      }
      continue;
    }
    const fields = {
      severity: result.severity, data: result.data,
      windowStart: new Date(`${result.windowStart}T00:00:00Z`), windowEnd: new Date(`${result.windowEnd}T00:00:00Z`),
    };
    const texts = renderInsightText(result, reader); // the patient's: the stored copy and the notification
    if (active) {
      // A rise in severity (INFO → MEDIUM, MEDIUM → HIGH) is news like a new insight; the stored severity
      // then matches, so the same data again notifies nobody. Notified before the update: if the update
      // fails, a retry still sees the rise (a repeat is better than a rise nobody hears of).
      const rose = SEVERITY_RANK[result.severity] > SEVERITY_RANK[active.severity];
      if (rose && SEVERITY_RANK[result.severity] >= SEVERITY_RANK.MEDIUM) {
        await notifyPatient({ patientId: userId, insightId: active.id, message: { kind: `insight.${kind}`, ...texts } });
      }
      await prisma.insight.update({ where: { id: active.id }, data: { ...fields, ...(await encryptInsightTexts(userId, active.id, texts)) } });
      continue;
    }
    // Respect the patient's answer: do not raise again what they set aside in the last 14 days, unless worse.
    const setAside = await prisma.insight.findFirst({
      where: { userId, kind, status: { in: ['ACKNOWLEDGED', 'DISMISSED'] }, updatedAt: { gt: new Date(now.getTime() - 14 * 86_400_000) } },
      orderBy: { updatedAt: 'desc' },
    });
    if (setAside && SEVERITY_RANK[result.severity] <= SEVERITY_RANK[setAside.severity]) continue;
    const id = randomUUID();
    const insight = await prisma.insight.create({ data: { id, userId, kind, ...fields, ...(await encryptInsightTexts(userId, id, texts)) } });
    created += 1;
    if (SEVERITY_RANK[result.severity] >= SEVERITY_RANK.MEDIUM) {
      await notifyPatient({ patientId: userId, insightId: insight.id, message: { kind: `insight.${kind}`, ...texts } });
    }
  }
  const active = await prisma.insight.count({ where: { userId, status: 'ACTIVE' } });
  return { active, created, resolved };
}

/** The patient's current insights, worded for them (the caller is the patient); returning them records a VIEWED interaction for each. */
export async function listInsightsForPatient(userId: string, opts: { recordView: boolean }) {
  const [insights, reader] = await Promise.all([
    prisma.insight.findMany({
      where: { userId, status: 'ACTIVE' },
      orderBy: [{ updatedAt: 'desc' }],
      select: { id: true, kind: true, severity: true, status: true, data: true, windowStart: true, windowEnd: true, updatedAt: true },
    }),
    patientReader(userId, true),
  ]);
  if (opts.recordView && insights.length > 0) {
    await prisma.insightInteraction.createMany({ data: insights.map((i) => ({ insightId: i.id, userId, action: 'VIEWED' as const })) });
  }
  return insights.map((i) => ({ ...i, ...renderInsightText(i, reader) }));
}

export async function answerInsight(userId: string, insightId: string, action: 'ACKNOWLEDGED' | 'DISMISSED'): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.insight.updateMany({ where: { id: insightId, userId, status: 'ACTIVE' }, data: { status: action } });
    if (count === 0) return (await tx.insight.count({ where: { id: insightId, userId } })) > 0;
    await tx.insightInteraction.create({ data: { insightId, userId, action } });
    return true;
  });
}
