/** F1–F8 for staff who never touch the mouse; the same table is shown on screen. */
import type { ButtonId } from './availability.js';

export const SHORTCUTS: Record<string, ButtonId> = {
  F1: 'callNext', F2: 'recall', F3: 'noShow', F4: 'start', F5: 'finish', F6: 'transfer', F7: 'pause', F8: 'mode',
};

export const KEY_OF: Record<ButtonId, string> = Object.fromEntries(Object.entries(SHORTCUTS).map(([k, b]) => [b, k])) as Record<ButtonId, string>;
