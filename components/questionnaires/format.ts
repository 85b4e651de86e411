// Words for questionnaire results: the date a response was answered on, and a score's change since the one
// before (stated as it is: higher scores mean more symptoms on these scales).
export function answeredOn(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

export function changeText(change: number | null) {
  if (change === null) return 'first result';
  if (change === 0) return 'same as the time before';
  return `${change > 0 ? '+' : '−'}${Math.abs(change)} since the time before`;
}
