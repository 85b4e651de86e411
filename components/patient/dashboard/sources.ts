// Where a number came from: an aggregate's per-device provenance as named shares that add up to 100 %.
import { localDigits } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

export type SourceShare = { deviceId: string; name: string; amount: number; percent: number };

/**
 * Shares of each device in `sources` (device id → amount, or reading count), largest first. Percentages
 * are whole numbers adding up to exactly 100 (largest remainder), so "90 % + 10 %" never reads "101 %".
 * A device no longer in `names` is still counted, as "Removed source".
 */
export function sourceShares(sources: Record<string, number>, names: ReadonlyMap<string, string>, locale: Locale = 'en'): SourceShare[] {
  const entries = Object.entries(sources).filter(([, amount]) => amount > 0);
  const total = entries.reduce((s, [, amount]) => s + amount, 0);
  if (total <= 0) return [];
  const exact = entries.map(([deviceId, amount]) => ({ deviceId, amount, raw: (amount / total) * 100 }));
  const shares = exact.map((e) => ({ ...e, percent: Math.floor(e.raw) }));
  let left = 100 - shares.reduce((s, e) => s + e.percent, 0);
  for (const e of [...shares].sort((a, b) => b.raw - Math.floor(b.raw) - (a.raw - Math.floor(a.raw)) || b.amount - a.amount)) {
    if (left <= 0) break;
    e.percent += 1;
    left -= 1;
  }
  return shares
    .map(({ deviceId, amount, percent }) => ({ deviceId, amount, percent, name: names.get(deviceId) ?? translator(locale, 'formats')('removedSource') }))
    .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
}

/** "Apple Watch 90 %, iPhone 10 %" (a share under 1 % reads "<1 %"). */
export function describeShares(shares: readonly SourceShare[], locale: Locale = 'en'): string {
  return shares.map((s) => `${s.name} ${localDigits(s.percent === 0 ? '<1' : String(s.percent), locale)} %`).join(', ');
}
