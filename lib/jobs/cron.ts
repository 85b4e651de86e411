// A minimal five-field cron matcher (UTC) for the in-process scheduler: numbers, *, */n, a-b, lists.
function fieldMatches(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    if (range === '*') return value % step === 0;
    const [lo, hi] = range!.split('-').map(Number);
    if (hi === undefined) return value === lo;
    return value >= lo! && value <= hi && (value - lo!) % step === 0;
  });
}

export function cronMatches(expression: string, at: Date): boolean {
  const [minute, hour, dayOfMonth, month, dayOfWeek] = expression.trim().split(/\s+/);
  if (dayOfWeek === undefined) throw new Error(`invalid cron expression: ${expression}`);
  return (
    fieldMatches(minute!, at.getUTCMinutes()) &&
    fieldMatches(hour!, at.getUTCHours()) &&
    fieldMatches(dayOfMonth!, at.getUTCDate()) &&
    fieldMatches(month!, at.getUTCMonth() + 1) &&
    fieldMatches(dayOfWeek, at.getUTCDay())
  );
}
