/**
 * Caller keypad and evaluator registers (CONTRACT: input register 0x0000 event sequence number,
 * 0x0001 event code; keypad 1 call-next … 6 pause; evaluator rating 1–5).
 */
export const REG_SEQUENCE = 0x0000;
export const REG_CODE = 0x0001;

export type KeypadAction = 'call-next' | 'recall' | 'no-show' | 'start' | 'finish' | 'pause';
export type Rating = 1 | 2 | 3 | 4 | 5;

export const KEYPAD_ACTIONS: Readonly<Record<number, KeypadAction>> = {
  1: 'call-next',
  2: 'recall',
  3: 'no-show',
  4: 'start',
  5: 'finish',
  6: 'pause',
};

export function keypadAction(code: number): KeypadAction | undefined {
  return KEYPAD_ACTIONS[code];
}

export function keypadCode(action: KeypadAction): number {
  const entry = Object.entries(KEYPAD_ACTIONS).find(([, a]) => a === action);
  if (!entry) throw new RangeError(`unknown keypad action ${action}`);
  return Number(entry[0]);
}

export function isRating(code: number): code is Rating {
  return Number.isInteger(code) && code >= 1 && code <= 5;
}
