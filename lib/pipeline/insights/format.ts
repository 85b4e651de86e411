// Rounding and wording helpers for insight text. Rounding is symmetric around zero so a fall and a
// rise of the same size read the same, and never yields "-0".

const EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  return rounded === 0 ? 0 : rounded;
}

/** part / whole as a percentage with one decimal (whole > 0). */
export function percentOf(part: number, whole: number): number {
  return roundTo((100 * part) / whole, 1);
}

/** 7412.6 → "7,413": fixed locale so stored text does not depend on the server's. */
export function formatCount(value: number): string {
  return EN.format(Math.round(value));
}

/** 342.7 → "5 h 42 min". Floors, so an average just under a threshold never reads as the threshold. */
export function formatMinutes(minutes: number): string {
  const whole = Math.floor(minutes);
  return `${Math.floor(whole / 60)} h ${whole % 60} min`;
}
