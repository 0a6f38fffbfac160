/**
 * Screen brightness (0–15) by local time of day, a pure function.
 * Choice: 07:00–18:00 day 12 — readable against daylight through the hall's glass front, yet
 * below 15 to spare the LEDs over a 10-year life; 18:00–22:00 evening 6 — extended evening
 * sessions under indoor light, where full brightness glares; otherwise night 2 — the hall is shut
 * and screens are normally cleared, so a screen left on by mistake stays dim.
 */
export const DAY_BRIGHTNESS = 12;
export const EVENING_BRIGHTNESS = 6;
export const NIGHT_BRIGHTNESS = 2;

export function brightnessAt(localHHMM: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(localHHMM);
  if (!m) throw new RangeError(`time must be HH:MM (00:00–23:59), got "${localHHMM}"`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes >= 7 * 60 && minutes < 18 * 60) return DAY_BRIGHTNESS;
  if (minutes >= 18 * 60 && minutes < 22 * 60) return EVENING_BRIGHTNESS;
  return NIGHT_BRIGHTNESS;
}
