/**
 * Accounts, devices and their tokens (CONTRACT.md "Accounts", "Devices"): every change is a hall
 * command — one transaction, audited in the event log with its actor — like any other. Passwords
 * arrive here already hashed (hashing is slow and async: the HTTP layer does it before the command)
 * and tokens as their sha256, so neither a password nor a token ever reaches the log or the database.
 */
import { HallError } from '../../protocol/errors.js';
import { windowState } from './views.js';
import type { DeviceInfo, DeviceKind, Role, UserAccount, UserInfo } from '../../protocol/domain.js';
import type { DeviceRow, UserRow } from '../db/repos/people.js';
import { toIso } from '../engine/time.js';
import { actorTag, record, type Actor, type Core, type Emit } from './core.js';

/** Users' tokens expire after 12 hours (a working day); devices' only when revoked. */
export const USER_TOKEN_MS = 12 * 3600_000;

export interface NewUser { username: string; name: string; role: Role; passwordHash: string; windowIds?: string[]; requestId?: string; phone?: string }
/** phone: null or '' clears the work phone */
export interface UserChange { name?: string; role?: Role; windowIds?: string[]; active?: boolean; phone?: string | null }

function account(core: Core, u: UserRow): UserAccount {
  return { id: u.id, username: u.username, name: u.name, role: u.role, windowIds: core.repos.users.windowIds(u.id), active: !!u.active, phone: u.phone };
}

function userRow(core: Core, id: string): UserRow {
  const u = core.repos.users.get(id);
  if (!u) throw new HallError('user-not-found');
  return u;
}

function checkWindows(core: Core, ids: string[]) {
  for (const w of ids) if (!core.repos.windows.row(w)) throw new HallError('window-not-found', { windowId: w });
}

/** Tells the realtime layer to drop the sockets of a principal (or of one token) at once. */
function revoked(emit: Emit, principalId: string | null, tokenHash?: string) {
  emit('access:revoked', { principalId, tokenHash: tokenHash ?? null });
}

export function createUser(core: Core, actor: Actor, u: NewUser, id = core.newId('u')) {
  return core.run('user.create', actor, u.requestId, () => {
    if (core.repos.users.byUsername(u.username)) throw new HallError('duplicate-username', { username: u.username });
    checkWindows(core, u.windowIds ?? []);
    core.repos.users.insert({ id, username: u.username, name: u.name, role: u.role, password_hash: u.passwordHash, phone: u.phone || null });
    core.repos.users.setWindows(id, u.windowIds ?? []);
    const user = account(core, userRow(core, id));
    // the log says a phone was given, never the number
    record(core, 'user.created', actor, id, { username: user.username, name: user.name, role: user.role, windowIds: user.windowIds, ...(user.phone ? { phone: 'set' as const } : {}) });
    return { user };
  });
}

/** Edits a user; deactivating one revokes their tokens and drops their sockets at once. */
export function updateUser(core: Core, actor: Actor, id: string, change: UserChange) {
  return core.run('user.update', actor, undefined, (emit) => {
    const old = userRow(core, id);
    if (change.windowIds) checkWindows(core, change.windowIds);
    const next = {
      id, name: change.name ?? old.name, role: change.role ?? old.role, active: change.active === undefined ? old.active : change.active ? 1 : 0,
      phone: change.phone === undefined ? old.phone : change.phone || null,
    };
    core.repos.users.update(next);
    if (change.windowIds) core.repos.users.setWindows(id, change.windowIds);
    if (!next.active && old.active) {
      core.repos.tokens.revokeAllOf(id, core.now());
      revoked(emit, id);
    } else if (change.role || change.windowIds) revoked(emit, null); // sockets re-read who they are
    const { phone, ...logged } = change;
    record(core, 'user.updated', actor, id, phone === undefined ? logged : { ...logged, phone: phone ? 'set' : 'cleared' });
    return { user: account(core, userRow(core, id)) };
  });
}

/** Sets a password (an admin's reset, or the user's own change): every token of the user stops working. */
export function setPassword(core: Core, actor: Actor, id: string, passwordHash: string) {
  return core.run('user.password', actor, undefined, (emit) => {
    userRow(core, id);
    core.repos.users.setPassword(id, passwordHash);
    core.repos.tokens.revokeAllOf(id, core.now());
    revoked(emit, id);
    record(core, 'user.password-set', actor, id, { by: actor.id === id ? 'self' : 'admin' });
    return { user: account(core, userRow(core, id)) };
  });
}

/** A successful sign-in: stores the new token's hash. */
export function startSession(core: Core, userId: string, tokenHash: string, from: string): UserInfo {
  const u = userRow(core, userId);
  const self: Actor = { kind: 'user', id: u.id, role: u.role, name: u.name };
  return core.run('user.sign-in', self, undefined, () => {
    const now = core.now();
    core.repos.tokens.insert({ token_hash: tokenHash, principal_kind: 'user', principal_id: userId, created_at: now, expires_at: now + USER_TOKEN_MS });
    record(core, 'user.signed-in', self, userId, { from });
    return userInfo(core, userId);
  });
}

export function endSession(core: Core, actor: Actor, tokenHash: string) {
  return core.run('user.sign-out', actor, undefined, (emit) => {
    core.repos.tokens.revoke(tokenHash, core.now());
    revoked(emit, null, tokenHash);
    if (actor.kind === 'user') {
      record(core, 'user.signed-out', actor, actor.id, {});
      // logging out signs out of the windows this user holds (签退, issue 14): closed, nobody bound;
      // a ticket still current stays there (the console asked first)
      for (const w of core.repos.windows.rows()) {
        if (w.staff_user_id !== actor.id) continue;
        const next = { ...w, status: 'closed' as const, pause_reason: null, staff_user_id: null };
        core.repos.windows.saveState(next);
        record(core, 'window.closed', actor, w.id, {});
        emit('window:updated', { window: windowState(core, next) });
      }
    }
    return { ok: true as const };
  });
}

export function userInfo(core: Core, id: string): UserInfo {
  const u = userRow(core, id);
  return { id: u.id, name: u.name, role: u.role, windowIds: core.repos.users.windowIds(u.id) };
}

export const users = (core: Core): UserAccount[] => core.repos.users.list().map((u) => account(core, u));

/** What a sign-in checks the password against (null: no such user, or deactivated). */
export function credentials(core: Core, username: string): { userId: string; passwordHash: string } | null {
  const u = core.repos.users.byUsername(username);
  return u && u.active ? { userId: u.id, passwordHash: u.password_hash } : null;
}

// — devices

export function deviceInfo(core: Core, d: DeviceRow, online: boolean): DeviceInfo {
  const tz = core.cfg.hours.tz;
  return {
    id: d.id, kind: d.kind, name: d.name, createdAt: toIso(d.created_at, tz),
    lastSeenAt: d.last_seen_at == null ? null : toIso(d.last_seen_at, tz), online,
    ...(d.revoked_at != null ? { revokedAt: toIso(d.revoked_at, tz) } : {}),
  };
}

/**
 * Registers a device and stores its token's hash. A name already registered is refused
 * (`duplicate-device`) unless `replace`, which revokes the old token (a replaced kiosk PC); a revoked
 * device's name may be registered again.
 */
export function registerDevice(core: Core, actor: Actor, input: { kind: DeviceKind; name: string; replace?: boolean; requestId?: string }, tokenHash: string) {
  return core.run('device.register', actor, input.requestId, (emit) => {
    const now = core.now();
    let d = core.repos.devices.byName(input.name);
    if (d && d.kind !== input.kind) throw new HallError('duplicate-device', { name: input.name, kind: d.kind }, `设备名称“${input.name}”已被其他类型的设备使用`);
    if (d && d.revoked_at == null && !input.replace) throw new HallError('duplicate-device', { name: input.name });
    if (d) {
      core.repos.tokens.revokeAllOf(d.id, now);
      core.repos.devices.setRevoked(d.id, null);
      revoked(emit, d.id);
      record(core, 'device.replaced', actor, d.id, { kind: d.kind, name: d.name });
    } else {
      d = { id: core.newId('d'), kind: input.kind, name: input.name, created_at: now, revoked_at: null, last_seen_at: null };
      core.repos.devices.insert(d);
      record(core, 'device.registered', actor, d.id, { kind: d.kind, name: d.name });
    }
    core.repos.tokens.insert({ token_hash: tokenHash, principal_kind: 'device', principal_id: d.id, created_at: now, expires_at: null });
    return { id: d.id };
  });
}

/** Revokes a device at once: its next request answers 401 and its socket is dropped. */
export function revokeDevice(core: Core, actor: Actor, id: string) {
  return core.run('device.revoke', actor, undefined, (emit) => {
    const d = core.repos.devices.get(id);
    if (!d) throw new HallError('device-not-found');
    const now = core.now();
    core.repos.tokens.revokeAllOf(id, now);
    if (d.revoked_at == null) core.repos.devices.setRevoked(id, now);
    revoked(emit, id);
    record(core, 'device.revoked', actor, id, { kind: d.kind, name: d.name });
    return { id };
  });
}

export const deviceRows = (core: Core) => core.repos.devices.list();

/** A device's socket connected or left: when it was last seen (not audited: it is not an action). */
export function deviceSeen(core: Core, id: string) {
  core.repos.devices.seen(id, core.now());
}

/** The actor behind a token's hash, or null when the token is unknown, expired or revoked. */
export function resolveToken(core: Core, tokenHash: string): Actor | null {
  const t = core.repos.tokens.get(tokenHash);
  if (!t || t.revoked_at != null || (t.expires_at != null && t.expires_at <= core.now())) return null;
  if (t.principal_kind === 'device') {
    const d = core.repos.devices.get(t.principal_id);
    return d && d.revoked_at == null ? { kind: 'device', id: d.id, role: d.kind, name: d.name } : null;
  }
  const u = core.repos.users.get(t.principal_id);
  if (!u || !u.active) return null;
  return { kind: 'user', id: u.id, role: u.role, name: u.name, windowIds: core.repos.users.windowIds(u.id) };
}

export { actorTag };
