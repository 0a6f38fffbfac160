/**
 * 人员: staff, leads and admins with their windows; create, edit, deactivate (and back), reset a
 * password; a printable sign-in sheet (print CSS shows only the sheet).
 */
import { useState } from 'preact/hooks';
import type { Role, UserAccount } from '../../../protocol/domain.js';
import { CreateUserBody, SetPasswordBody, UpdateUserBody } from '../../../protocol/schemas.js';
import { useApp } from '../context.js';
import { check, refusalOf, type FieldErrors } from '../forms.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { Check, Field, FormError } from './Field.js';

const ROLES: Role[] = ['staff', 'lead', 'admin'];

export function People() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [editing, setEditing] = useState<UserAccount | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const users = [...store.users.value].sort((a, b) => Number(b.active) - Number(a.active) || ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.username.localeCompare(b.username));
  const windowsOf = (u: UserAccount) => u.windowIds.map((id) => store.windowById.value.get(id)).filter((w) => !!w).sort((a, b) => a.number - b.number);
  const me = store.session.value?.user.id;
  const toggle = async (u: UserAccount) => {
    if (u.active && !confirm(t('confirmDeactivate', { name: u.name }))) return;
    try {
      await cmd.updateUser(u.id, { active: !u.active });
      store.say('info', t(u.active ? 'deactivated' : 'activated', { name: u.name }));
    } catch (e) { cmd.fail(e); }
  };
  return (
    <section class="page people">
      <div class="page-head no-print">
        <h2>{t('navPeople')}</h2>
        <button class="primary" onClick={() => setEditing('new')}>{t('newUser')}</button>
        <button onClick={() => window.print()}>{t('printSheet')}</button>
      </div>
      <p class="hint no-print">{t('peopleHint')}</p>
      <table class="list no-print">
        <thead><tr><th>{t('username')}</th><th>{t('displayName')}</th><th>{t('role')}</th><th>{t('windows')}</th><th>{t('staffPhone')}</th><th>{t('status')}</th><th /></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} class={u.active ? '' : 'inactive'} data-testid={`user-${u.username}`}>
              <td><code>{u.username}</code></td>
              <td>{u.name}</td>
              <td>{t(`role_${u.role}`)}</td>
              <td>{u.role === 'staff' ? windowsOf(u).map((w) => t('windowN', { n: w.number })).join('、') || <span class="warn-text">{t('noWindow')}</span> : t('allWindows')}</td>
              <td class="phone">{u.phone ?? ''}</td>
              <td>{u.active ? t('active') : t('inactive')}</td>
              <td class="actions">
                <button class="small" onClick={() => setEditing(u)}>{t('edit')}</button>
                <button class="small" onClick={() => setResetting(u)}>{t('resetPassword')}</button>
                {u.id !== me && <button class="small" onClick={() => void toggle(u)}>{u.active ? t('deactivate') : t('activate')}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignInSheet />
      {editing && <UserDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <PasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </section>
  );
}

/** the printed sheet: who signs in where, with a column for the initial password handed over and a signature */
function SignInSheet() {
  const { store } = useApp();
  const { t } = store;
  const users = store.users.value.filter((u) => u.active).sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.username.localeCompare(b.username));
  return (
    <div class="print-only sheet">
      <h1>{store.hallName.value} {t('sheetTitle')}</h1>
      <p>{t('sheetHint', { url: `${location.origin}/console/` })}</p>
      <table>
        <thead><tr><th>{t('seq')}</th><th>{t('displayName')}</th><th>{t('username')}</th><th>{t('role')}</th><th>{t('windows')}</th><th>{t('initialPassword')}</th><th>{t('signature')}</th></tr></thead>
        <tbody>
          {users.map((u, i) => (
            <tr key={u.id}>
              <td>{i + 1}</td><td>{u.name}</td><td>{u.username}</td><td>{t(`role_${u.role}`)}</td>
              <td>{u.role === 'staff' ? u.windowIds.map((id) => store.windowById.value.get(id)?.number).filter((n) => n !== undefined).join('、') : t('allWindows')}</td>
              <td /><td />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WindowChoice({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { store } = useApp();
  const { t } = store;
  if (!store.windows.value.length) return <p class="hint">{t('noWindowsYet')} <a href="#/catalog">{t('navCatalog')}</a></p>;
  return (
    <div class="choices">
      {store.sortedWindows.value.map((w) => (
        <Check key={w.id} name={`window-${w.number}`} label={`${t('windowN', { n: w.number })} ${w.name}`} checked={value.includes(w.id)}
          onChange={(on) => onChange(on ? [...value, w.id] : value.filter((x) => x !== w.id))} />
      ))}
    </div>
  );
}

function UserDialog({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [username, setUsername] = useState(user?.username ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'staff');
  const [password, setPassword] = useState('');
  const [windowIds, setWindowIds] = useState<string[]>(user?.windowIds ?? []);
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = user ? { name, role, windowIds, phone: phone.trim() || null } : { username, name, role, password, windowIds, ...(phone.trim() ? { phone: phone.trim() } : {}) };
    const v = check(user ? UpdateUserBody : CreateUserBody, body, store.lang.value);
    if (!v.ok) { setErrors(v.fields); setGeneral(null); return; }
    setBusy(true);
    try {
      if (user) await cmd.updateUser(user.id, { name, role, windowIds, phone: phone.trim() || null });
      else await cmd.createUser({ username: username.trim(), name, role, password, windowIds, ...(phone.trim() ? { phone: phone.trim() } : {}) });
      store.say('info', t(user ? 'userSaved' : 'userCreated', { name }));
      onClose();
    } catch (err) {
      const r = refusalOf(err, ['username', 'name', 'role', 'password', 'windowIds', 'phone']);
      setErrors(r.fields);
      setGeneral(r.general);
    } finally { setBusy(false); }
  };
  return (
    <Dialog title={user ? t('editUser', { name: user.name }) : t('newUser')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label={t('username')} name="username" error={errors.username} hint={user ? undefined : t('usernameHint')}>
          <input name="username" value={username} disabled={!!user} autocomplete="off" onInput={(e) => setUsername(e.currentTarget.value)} />
        </Field>
        <Field label={t('displayName')} name="name" error={errors.name}>
          <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label={t('role')} name="role" error={errors.role}>
          <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}
          </select>
        </Field>
        <Field label={t('staffPhone')} name="phone" error={errors.phone} hint={t('phoneHint')}>
          <input name="phone" type="tel" value={phone} autocomplete="off" onInput={(e) => setPhone(e.currentTarget.value)} />
        </Field>
        {!user && (
          <Field label={t('password')} name="password" error={errors.password} hint={t('passwordHint')}>
            <input name="password" type="text" autocomplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </Field>
        )}
        <Field group label={t('windows')} name="windowIds" error={errors.windowIds} hint={role === 'staff' ? t('windowsHint') : t('leadWindowsHint')}>
          <WindowChoice value={windowIds} onChange={setWindowIds} />
        </Field>
        <FormError text={general} />
        <div class="row end">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button class="primary" type="submit" disabled={busy}>{t('save')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function PasswordDialog({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const v = check(SetPasswordBody, { password }, store.lang.value);
    if (!v.ok) { setErrors(v.fields); return; }
    try {
      await cmd.setPassword(user.id, password);
      store.say('info', t('passwordSet', { name: user.name }));
      onClose();
    } catch (err) {
      const r = refusalOf(err, ['password']);
      setErrors(r.fields);
      setGeneral(r.general);
    }
  };
  return (
    <Dialog title={t('resetPasswordOf', { name: user.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p class="hint">{t('resetHint')}</p>
        <Field label={t('newPassword')} name="password" error={errors.password} hint={t('passwordHint')}>
          <input name="password" type="text" autocomplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        <FormError text={general} />
        <div class="row end">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button class="primary" type="submit">{t('save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
