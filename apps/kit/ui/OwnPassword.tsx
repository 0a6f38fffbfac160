/**
 * 修改密码: any signed-in user's own password (POST /api/me/password). The server checks the old
 * password (422 wrong-password) and the new one's strength (422 weak-password); its Chinese message
 * is shown at the field it concerns. On success every token of the user is revoked: `onDone` says so.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../client.js';
import type { Lang } from '../i18n.js';
import { st } from '../session-i18n.js';

const FIELD: Record<string, 'oldPassword' | 'newPassword'> = { 'wrong-password': 'oldPassword', 'weak-password': 'newPassword' };

export function OwnPassword({ lang, change, onDone }: { lang: Lang; change: (oldPassword: string, newPassword: string) => Promise<unknown>; onDone: (message: string) => void }) {
  const [v, setV] = useState({ oldPassword: '', newPassword: '', newPassword2: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (v.newPassword !== v.newPassword2) { setErrors({ newPassword2: st(lang, 'mismatch') }); return; }
    setBusy(true);
    try {
      await change(v.oldPassword, v.newPassword);
      onDone(st(lang, 'passwordChanged'));
    } catch (err) {
      const field = err instanceof ApiError ? FIELD[err.code] : undefined;
      setErrors({ [field ?? 'general']: err instanceof Error ? err.message : String(err) });
    } finally { setBusy(false); }
  };
  const input = (name: keyof typeof v, auto: string) => (
    <div class={errors[name] ? 'field bad' : 'field'} data-field={name}>
      <label><span class="label">{st(lang, name)}</span>
        <input name={name} type="password" autocomplete={auto} value={v[name]} onInput={(e) => setV({ ...v, [name]: e.currentTarget.value })} />
      </label>
      {errors[name] && <small class="field-error" role="alert">{errors[name]}</small>}
    </div>
  );
  return (
    <form class="own-password" onSubmit={(e) => void submit(e)} noValidate>
      <p class="hint">{st(lang, 'ownPasswordHint')}</p>
      {input('oldPassword', 'current-password')}
      {input('newPassword', 'new-password')}
      {input('newPassword2', 'new-password')}
      {errors.general && <p class="error" role="alert">{errors.general}</p>}
      <button class="primary" type="submit" disabled={busy}>{st(lang, 'changePassword')}</button>
    </form>
  );
}
