/**
 * 输入预约码: the 8-character booking code (from the confirmation SMS) typed on large keys. Only the
 * code's own 31 characters have keys, so 0/O and 1/I/L cannot be mistyped; shown 4-4 for reading back.
 */
import { useState } from 'preact/hooks';
import { useStore } from '../store.js';
import { t } from '../i18n.js';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '../../../protocol/rules/booking-code.js';
import type { KioskActions } from '../actions.js';

const KEYS = [...BOOKING_CODE_ALPHABET];
const grouped = (s: string) => [s.slice(0, 4), s.slice(4)].filter(Boolean).join(' ');

export function CodePad({ actions }: { actions: KioskActions }) {
  const store = useStore();
  const lang = store.lang.value;
  const [value, setValue] = useState('');
  const add = (k: string) => { if (value.length < BOOKING_CODE_LENGTH) setValue(value + k); };
  return (
    <main class="screen keypad code-pad">
      <h2 class="screen-title">{t(lang, 'code.title')}</h2>
      <p class="lead">{t(lang, 'code.hint')}</p>
      <output class="id-entry" data-testid="code-entry">{grouped(value) || '\u00a0'}</output>
      <div class="keys code-keys">
        {KEYS.map((k) => (
          <button type="button" key={k} class="key" onClick={() => add(k)}>{k}</button>
        ))}
        <button type="button" class="key small" onClick={() => setValue(value.slice(0, -1))}>{t(lang, 'keypad.delete')}</button>
      </div>
      <div class="row-actions">
        <button type="button" class="nav" onClick={() => store.go({ name: 'checkin' })}>{t(lang, 'common.back')}</button>
        <button type="button" class="nav" onClick={() => setValue('')}>{t(lang, 'keypad.clear')}</button>
        <button type="button" class="nav primary" disabled={value.length !== BOOKING_CODE_LENGTH}
          onClick={() => void actions.checkin({ code: value })}>{t(lang, 'keypad.ok')}</button>
      </div>
    </main>
  );
}
