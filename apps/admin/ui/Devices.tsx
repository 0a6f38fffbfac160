/**
 * 设备: register a kiosk, a lobby screen, a window screen or a platform client and get its pairing
 * link and QR (the token is shown this once: it is in the link); replace one (a new token, the old
 * one stops working), revoke one; online and last seen. Below, the attached devices (printers, LED
 * screens, keypads, readers, buses) with live health from `device:health` and a fault's reason.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DeviceInfo, DeviceKind } from '../../../protocol/domain.js';
import { CreateDeviceBody } from '../../../protocol/schemas.js';
import { ApiError } from '../../kit/client.js';
import { qrSvg } from '../../kit/qr.js';
import { hallIso, shortDateTime } from '../../kit/time.js';
import { useApp } from '../context.js';
import { check, refusalOf, type FieldErrors } from '../forms.js';
import type { MsgKey } from '../i18n.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { Field, FormError } from './Field.js';

/** what the admin picks: a display is a lobby screen or one window's screen (the link says which) */
export type Role = 'kiosk' | 'lobby' | 'window' | 'platform' | 'pad';
const ROLES: Role[] = ['kiosk', 'lobby', 'window', 'platform', 'pad'];
const KIND: Record<Role, DeviceKind> = { kiosk: 'kiosk', lobby: 'display', window: 'display', platform: 'platform', pad: 'display' };

/** The link that pairs a device: its page with the token in the fragment (never sent to the server in a request line). */
export function pairingLink(origin: string, role: Role, token: string, windowNumber?: number): string | null {
  const tk = encodeURIComponent(token);
  if (role === 'kiosk') return `${origin}/kiosk/#token=${tk}`;
  if (role === 'lobby') return `${origin}/window-display/#token=${tk}`;
  if (role === 'window') return `${origin}/window-display/#token=${tk}&window=${windowNumber ?? 1}`;
  // 好差评 (issue 16): a window's evaluator pad, a display bound to that window
  if (role === 'pad') return `${origin}/pad/#token=${tk}&window=${windowNumber ?? 1}`;
  return null; // a platform client takes the token itself, not a page
}

const HEALTH_KEYS: Record<string, MsgKey> = {
  online: 'h_online', offline: 'h_offline', 'paper-out': 'h_paper-out', 'paper-near-end': 'h_paper-near-end', 'cover-open': 'h_cover-open', error: 'h_error',
};
const PART_KEYS: Record<string, MsgKey> = { printer: 'part_printer', led: 'part_led', keypad: 'part_keypad', evaluator: 'part_evaluator', reader: 'part_reader', idcard: 'part_reader', scanner: 'part_scanner', bus: 'part_bus' };

export function Devices() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [registering, setRegistering] = useState<{ role: Role; name: string; replace: boolean } | null>(null);
  // online and last seen change as devices connect: refreshed while this page is open
  useEffect(() => {
    const h = setInterval(() => void cmd.loadDevices().catch(() => undefined), 10_000);
    return () => clearInterval(h);
  }, []);
  const devices = [...store.devices.value].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const revoke = async (d: DeviceInfo) => {
    if (!confirm(t('confirmRevoke', { name: d.name }))) return;
    try {
      await cmd.revokeDevice(d.id);
      store.say('info', t('revoked', { name: d.name }));
    } catch (e) { cmd.fail(e); }
  };
  // faults first: they are what the admin came for
  const health = Object.values(store.health.value).sort((a, b) => Number(a.status === 'online') - Number(b.status === 'online') || a.id.localeCompare(b.id));
  /** health times are UTC instants: shown in the hall's time */
  const at = (iso: string) => (store.serverTime.value ? shortDateTime(hallIso(Date.parse(iso), store.serverTime.value)) : shortDateTime(iso));
  const faults = health.filter((h) => h.status !== 'online').length;
  return (
    <section class="page devices">
      <div class="page-head">
        <h2>{t('navDevices')}</h2>
        {ROLES.map((r) => <button key={r} class={r === 'kiosk' ? 'primary' : undefined} onClick={() => setRegistering({ role: r, name: '', replace: false })}>{t(`register_${r}`)}</button>)}
      </div>
      <p class="hint">{t('devicesHint')}</p>
      {devices.length === 0 ? <p class="empty">{t('devicesEmpty')}</p> : (
        <table class="list" data-testid="devices">
          <thead><tr><th>{t('deviceName')}</th><th>{t('deviceKind')}</th><th>{t('status')}</th><th>{t('lastSeen')}</th><th>{t('registeredAt')}</th><th /></tr></thead>
          <tbody>{devices.map((d) => (
            <tr key={d.id} class={d.revokedAt ? 'inactive' : ''} data-testid={`device-${d.name}`}>
              <td>{d.name}</td>
              <td>{t(`kind_${d.kind}`)}</td>
              <td>{d.revokedAt ? t('revokedAt', { at: shortDateTime(d.revokedAt) }) : <span class={d.online ? 'pill ok' : 'pill off'}>{d.online ? t('online') : t('offline')}</span>}</td>
              <td>{d.lastSeenAt ? shortDateTime(d.lastSeenAt) : t('never')}</td>
              <td>{shortDateTime(d.createdAt)}</td>
              <td class="actions">
                <button class="small" onClick={() => setRegistering({ role: d.kind === 'display' ? 'lobby' : d.kind, name: d.name, replace: true })}>{d.revokedAt ? t('reRegister') : t('replace')}</button>
                {!d.revokedAt && <button class="small" onClick={() => void revoke(d)}>{t('revoke')}</button>}
              </td>
            </tr>))}
          </tbody>
        </table>
      )}

      <div class="page-head"><h3>{t('attached')}</h3>{health.length > 0 && <span class={faults ? 'pill bad' : 'pill ok'}>{faults ? t('faults', { n: faults }) : t('allHealthy')}</span>}</div>
      {health.length === 0 ? <p class="empty">{t('attachedEmpty')}</p> : (
        <table class="list" data-testid="health">
          <thead><tr><th>{t('partId')}</th><th>{t('deviceKind')}</th><th>{t('status')}</th><th>{t('reason')}</th><th>{t('since')}</th></tr></thead>
          <tbody>{health.map((h) => (
            <tr key={h.id} data-testid={`health-${h.id}`}>
              <td><code>{h.id}</code></td>
              <td>{PART_KEYS[h.kind] ? t(PART_KEYS[h.kind]) : h.kind}</td>
              <td><span class={h.status === 'online' ? 'pill ok' : h.status === 'paper-near-end' ? 'pill warn' : 'pill bad'}>{HEALTH_KEYS[h.status] ? t(HEALTH_KEYS[h.status]) : h.status}</span></td>
              <td>{h.detail ?? ''}</td>
              <td>{at(h.at)}</td>
            </tr>))}
          </tbody>
        </table>
      )}
      {registering && <RegisterDialog {...registering} onClose={() => setRegistering(null)} />}
    </section>
  );
}

function RegisterDialog({ role: initialRole, name: initialName, replace: initialReplace, onClose }: { role: Role; name: string; replace: boolean; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [role, setRole] = useState<Role>(initialRole);
  const [name, setName] = useState(initialName);
  const [windowNumber, setWindowNumber] = useState(store.sortedWindows.value[0]?.number ?? 1);
  const [replace, setReplace] = useState(initialReplace);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [offerReplace, setOfferReplace] = useState(false);
  const [done, setDone] = useState<{ token: string; link: string | null } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { kind: KIND[role], name: name.trim(), ...(replace ? { replace: true } : {}) };
    const v = check(CreateDeviceBody, body, store.lang.value);
    if (!v.ok) { setErrors(v.fields); return; }
    try {
      const r = await cmd.registerDevice(body);
      setDone({ token: r.token, link: pairingLink(location.origin, role, r.token, windowNumber) });
    } catch (err) {
      const r = refusalOf(err, ['name', 'kind']);
      setErrors(r.fields);
      setGeneral(r.general);
      setOfferReplace(err instanceof ApiError && err.code === 'duplicate-device');
    }
  };
  if (done) return <Paired role={role} name={name.trim()} token={done.token} link={done.link} onClose={onClose} />;
  return (
    <Dialog title={replace ? t('replaceTitle', { name: initialName }) : t(`register_${role}`)} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {!replace && (
          <Field label={t('deviceKind')} name="kind" error={errors.kind}>
            <select name="kind" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {ROLES.map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}
            </select>
          </Field>
        )}
        {replace && KIND[role] === 'display' && (
          <Field label={t('deviceKind')} name="kind">
            <select name="kind" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              <option value="lobby">{t('role_lobby')}</option><option value="window">{t('role_window')}</option>
            </select>
          </Field>
        )}
        <Field label={t('deviceName')} name="name" error={errors.name} hint={t('deviceNameHint')}>
          <input name="name" value={name} disabled={replace} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        {(role === 'window' || role === 'pad') && (
          <Field label={t('windowOfScreen')} name="window">
            <select name="window" value={String(windowNumber)} onChange={(e) => setWindowNumber(Number(e.currentTarget.value))}>
              {store.sortedWindows.value.map((w) => <option key={w.id} value={String(w.number)}>{t('windowN', { n: w.number })} {w.name}</option>)}
            </select>
          </Field>
        )}
        {replace && <p class="hint">{t('replaceHint')}</p>}
        {offerReplace && (
          <p class="warn-text">{t('offerReplace')} <button type="button" class="small" onClick={() => { setReplace(true); setOfferReplace(false); setErrors({}); }}>{t('replace')}</button></p>
        )}
        <FormError text={general} />
        <div class="row end">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button class="primary" type="submit">{replace ? t('replace') : t('register')}</button>
        </div>
      </form>
    </Dialog>
  );
}

/** The pairing link and its QR, shown once: open it on the device (or scan the QR with the device's camera). */
function Paired({ role, name, token, link, onClose }: { role: Role; name: string; token: string; link: string | null; onClose: () => void }) {
  const { store } = useApp();
  const { t } = store;
  const svg = useMemo(() => qrSvg(link ?? token), [link, token]);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try { await navigator.clipboard.writeText(link ?? token); setCopied(true); } catch { /* no clipboard on plain http: the text is selectable */ }
  };
  return (
    <Dialog title={t('pairedTitle', { name })} onClose={onClose}>
      <div class="paired">
        <div class="qr" role="img" aria-label={t('pairingQr')} data-testid="pairing-qr" dangerouslySetInnerHTML={{ __html: svg }} />
        <div>
          <p>{link ? t(`pairHint_${role}`) : t('pairHint_platform')}</p>
          <p class="link-box"><code data-testid="pairing-link">{link ?? token}</code></p>
          <p class="warn-text">{t('tokenOnce')}</p>
          <div class="row">
            <button type="button" onClick={() => void copy()}>{copied ? t('copied') : t('copy')}</button>
            {link && <a class="button" href={link} target="_blank" rel="noopener">{t('openLink')}</a>}
            <button type="button" class="primary" onClick={onClose}>{t('done')}</button>
          </div>
        </div>
      </div>
    </Dialog>
  );
}
