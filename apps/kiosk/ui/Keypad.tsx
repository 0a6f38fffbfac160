/** The last resort: the ID number typed on an on-screen keypad, checked (GB 11643) before it is sent. */
import { useState } from 'preact/hooks';
import { useStore } from '../store.js';
import { t } from '../i18n.js';
import { isValidIdNumber } from '../../../protocol/identity.js';
import type { KioskActions } from '../actions.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0'];

/** 6-8-4 grouping, the way the number is printed on the card, so it is easy to check */
const grouped = (s: string) => [s.slice(0, 6), s.slice(6, 14), s.slice(14)].filter(Boolean).join(' ');

export function Keypad({ actions }: { actions: KioskActions }) {
  const store = useStore();
  const lang = store.lang.value;
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const add = (k: string) => {
    setInvalid(false);
    if (value.length < 18 && (k !== 'X' || value.length === 17)) setValue(value + k);
  };
  const submit = () => {
    if (!isValidIdNumber(value)) return setInvalid(true);
    void actions.checkin({ idNumber: value });
  };
  return (
    <main class="screen keypad">
      <h2 class="screen-title">{t(lang, 'keypad.title')}</h2>
      <output class="id-entry" data-testid="id-entry">{grouped(value) || '\u00a0'}</output>
      {invalid && <p class="error" role="alert">{t(lang, 'keypad.invalid')}</p>}
      <div class="keys">
        {KEYS.map((k) => (
          <button type="button" key={k} class="key" onClick={() => add(k)}>{k}</button>
        ))}
        <button type="button" class="key small" onClick={() => { setValue(value.slice(0, -1)); setInvalid(false); }}>{t(lang, 'keypad.delete')}</button>
      </div>
      <div class="row-actions">
        <button type="button" class="nav" onClick={() => store.go({ name: 'checkin' })}>{t(lang, 'common.back')}</button>
        <button type="button" class="nav" onClick={() => { setValue(''); setInvalid(false); }}>{t(lang, 'keypad.clear')}</button>
        <button type="button" class="nav primary" disabled={value.length !== 18} onClick={submit}>{t(lang, 'keypad.ok')}</button>
      </div>
    </main>
  );
}
