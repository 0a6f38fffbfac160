/** Users, devices and bearer tokens (who did what: every action has an identity and a role). */
import type { Db } from '../open.js';
import type { DeviceKind, Role } from '../../../protocol/domain.js';

export interface UserRow { id: string; username: string; name: string; role: Role; password_hash: string; active: number; phone: string | null }
export interface DeviceRow { id: string; kind: DeviceKind; name: string; created_at: number; revoked_at: number | null; last_seen_at: number | null }
export interface TokenRow {
  token_hash: string; principal_kind: 'user' | 'device'; principal_id: string; created_at: number; expires_at: number | null; revoked_at: number | null;
}

export function usersRepo(db: Db) {
  const byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username');
  const insert = db.prepare(
    'INSERT INTO users (id, username, name, role, password_hash, phone) VALUES (@id, @username, @name, @role, @password_hash, @phone)');
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const update = db.prepare('UPDATE users SET name = @name, role = @role, active = @active, phone = @phone WHERE id = @id');
  const windowsOf = db.prepare<[string], { window_id: string }>('SELECT window_id FROM user_windows WHERE user_id = ?');
  const bind = db.prepare('INSERT OR IGNORE INTO user_windows (user_id, window_id) VALUES (?, ?)');
  const unbindAll = db.prepare('DELETE FROM user_windows WHERE user_id = ?');
  return {
    byUsername: (u: string) => byName.get(u),
    get: (id: string) => byId.get(id),
    list: () => all.all(),
    insert: (u: Omit<UserRow, 'active' | 'phone'> & { phone?: string | null }) => insert.run({ phone: null, ...u }),
    setPassword: (id: string, hash: string) => setPassword.run(hash, id),
    update: (u: Pick<UserRow, 'id' | 'name' | 'role' | 'active' | 'phone'>) => update.run(u),
    windowIds: (id: string) => windowsOf.all(id).map((r) => r.window_id),
    bindWindow: (userId: string, windowId: string) => bind.run(userId, windowId),
    /** replaces the user's windows with `windowIds` */
    setWindows: (userId: string, windowIds: string[]) => {
      unbindAll.run(userId);
      for (const w of windowIds) bind.run(userId, w);
    },
  };
}

export function devicesRepo(db: Db) {
  const insert = db.prepare('INSERT INTO devices (id, kind, name, created_at) VALUES (@id, @kind, @name, @created_at)');
  const setRevoked = db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?');
  const seen = db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?');
  const byId = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const byName = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE name = ?');
  const all = db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY name');
  return {
    insert: (d: Pick<DeviceRow, 'id' | 'kind' | 'name' | 'created_at'>) => insert.run(d),
    setRevoked: (id: string, at: number | null) => setRevoked.run(at, id),
    seen: (id: string, at: number) => seen.run(at, id),
    get: (id: string) => byId.get(id),
    byName: (name: string) => byName.get(name),
    list: () => all.all(),
  };
}

export function tokensRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO tokens (token_hash, principal_kind, principal_id, created_at, expires_at) VALUES (@token_hash, @principal_kind, @principal_id, @created_at, @expires_at)');
  const get = db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE token_hash = ?');
  const revoke = db.prepare('UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const revokeAll = db.prepare('UPDATE tokens SET revoked_at = ? WHERE principal_id = ? AND revoked_at IS NULL');
  // a token is dead from the first of its expiry and its revocation; a scan, run once a day
  const prune = db.prepare('DELETE FROM tokens WHERE expires_at < @before OR revoked_at < @before');
  return {
    insert: (t: Omit<TokenRow, 'revoked_at'>) => insert.run(t),
    get: (hash: string) => get.get(hash),
    revoke: (hash: string, at: number) => revoke.run(at, hash),
    revokeAllOf: (principalId: string, at: number) => revokeAll.run(at, principalId).changes,
    /** deletes the tokens that expired or were revoked before `before` (kept until then for audit); answers how many */
    prune: (before: number): number => prune.run({ before }).changes,
  };
}
