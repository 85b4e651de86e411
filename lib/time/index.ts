// Local calendar helpers over IANA zones, built on Intl alone (no dependencies).

export { isValidTimeZone } from './wall-clock';
export { bucketOf, localDate, localDateTime, offsetMinutesAt, zonedDayRangeUtc, type ZonedBucket } from './buckets';
export type { BucketUnit } from './calendar-keys';

// Numeric fast path for hot loops (lib/pipeline): integer period keys and a cached per-zone clock.
export { dayLabel, parseDay, periodKeyOfDay, periodKeyOfHour, periodLabel } from './calendar-keys';
export { addDays, weekStart, monthStart } from './day-math';
export { type ZoneClock, zoneClock } from './zone-clock';
