/** Holding registers of a window LED screen (CONTRACT "Window LED screen — Modbus RTU profile"). */
export const REG_CONTROL = 0x0000;
export const REG_WINDOW_NUMBER = 0x0001;
export const REG_LINE1 = 0x0010;
export const REG_LINE2 = 0x0050;
/** Each line area is 64 registers = 128 bytes of GB18030 text. */
export const LINE_REGISTERS = 64;
export const REG_COMMIT = 0x0100;

export const CONTROL_CLEAR = 1 << 0;
export const CONTROL_BLINK = 1 << 1;
const BRIGHTNESS_SHIFT = 8;

export function controlWord(opts: { clear?: boolean; blink?: boolean; brightness: number }): number {
  const level = opts.brightness;
  if (!Number.isInteger(level) || level < 0 || level > 15) throw new RangeError(`brightness must be 0–15, got ${level}`);
  return (opts.clear ? CONTROL_CLEAR : 0) | (opts.blink ? CONTROL_BLINK : 0) | (level << BRIGHTNESS_SHIFT);
}

export function decodeControl(word: number): { clear: boolean; blink: boolean; brightness: number } {
  return {
    clear: (word & CONTROL_CLEAR) !== 0,
    blink: (word & CONTROL_BLINK) !== 0,
    brightness: (word >> BRIGHTNESS_SHIFT) & 0x0f,
  };
}

/** The register ranges a screen implements, for the simulator's illegal-address checks. */
export const SCREEN_HOLDING_RANGES = [
  [REG_CONTROL, REG_WINDOW_NUMBER],
  [REG_LINE1, REG_LINE2 + LINE_REGISTERS - 1],
  [REG_COMMIT, REG_COMMIT],
] as const;
