// The report page's period from its query string (?from&to), checked like the API's (lib/http/
// glucose-handlers): a bad one is answered with the reason and the default 14 days instead of an error page.
// Shared by the patient's, the doctor's and the caregiver's report pages.
import type { ReadScope } from '../data/access';
import type { Period } from '../data/glucose-report';
import { ApiError } from '../http/errors';
import { periodQuery } from '../http/glucose-handlers';
import { resolvePeriod, MAX_PERIOD_DAYS } from '../data/glucose-report';
import { addDays, localDate, parseDay } from '../time';
import { loadReport, type ReportAccess } from './load';
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { reportNumber } from './format';

/** 14 days ending today; within a share, its last 14 days (up to today). */
export function defaultPeriod(scope: ReadScope, nowMs = Date.now()): Period {
  if (!scope.fromDay || !scope.toDay) return resolvePeriod(scope, {}, nowMs);
  const today = localDate(nowMs, scope.timeZone);
  const to = scope.toDay < today ? scope.toDay : today < scope.fromDay ? scope.fromDay : today;
  const from = addDays(to, -13) > scope.fromDay ? addDays(to, -13) : scope.fromDay;
  return { from, to };
}

/** The period asked for, else the default with the reason (in the reader's language). */
export function reportPagePeriod(search: Record<string, string | string[] | undefined>, scope: ReadScope, nowMs = Date.now(), locale: Locale = 'en'): { period: Period; problem: string | null } {
  const t = translator(locale, 'report');
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = periodQuery.safeParse({ from: one(search.from), to: one(search.to) });
  const fallback = () => defaultPeriod(scope, nowMs);
  if (!parsed.success) return { period: fallback(), problem: t('problems.invalid', { details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }) };
  const q = parsed.data;
  if (!q.from && !q.to) return { period: fallback(), problem: null };
  if (q.from && q.to && q.from > q.to) return { period: fallback(), problem: t('problems.order') };
  let period: Period;
  try {
    period = resolvePeriod(scope, q, nowMs);
  } catch (error) {
    if (error instanceof ApiError) return { period: fallback(), problem: t('problems.outside') };
    throw error;
  }
  if (parseDay(period.to) - parseDay(period.from) + 1 > MAX_PERIOD_DAYS) return { period: fallback(), problem: t('problems.tooLong', { max: reportNumber(MAX_PERIOD_DAYS, locale) }) };
  return { period, problem: null };
}

/** A report page's data: the period from its query string, the report, and today in the patient's zone. */
export async function loadReportPage(access: ReportAccess, search: Record<string, string | string[] | undefined>, locale: Locale = 'en', nowMs = Date.now()) {
  const { period, problem } = reportPagePeriod(search, access.scope, nowMs, locale);
  const model = await loadReport(access, period, { nowMs, locale });
  return { model, period, problem, today: localDate(nowMs, access.scope.timeZone) };
}
