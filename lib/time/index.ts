// Local calendar helpers over IANA zones, built on Intl alone (no dependencies).

export { isValidTimeZone } from './wall-clock';
export { bucketOf, localDate, localDateTime, offsetMinutesAt, zonedDayRangeUtc, type ZonedBucket } from './buckets';
export {
  type BucketUnit,
  dayLabel,
  nextPeriodKey,
  parseDay,
  periodFirstHour,
  periodKeyOfDay,
  periodKeyOfHour,
  periodLabel,
} from './calendar-keys';
export { DAY_MS, HOUR_MS, type ZoneClock, zoneClock } from './zone-clock';
