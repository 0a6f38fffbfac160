/**
 * Users, devices and bearer tokens. Tokens are random, stored as sha256, expire (users after 12 h,
 * devices never unless revoked) and can be revoked. Every request resolves to an Actor.
 */
import { createHash, randomBytes } from 'node:crypto';
import { HallError } from '../../protocol/errors.js';
import type { DeviceKind, Role, UserInfo } from '../../protocol/domain.js';
import type { Repos } from '../db/repos.js';
import type { Actor } from '../hall.js';
import { newId } from '../hall/core.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { Limiter } from './limiter.js';

const USER_TOKEN_MS = 12 * 3600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class Auth {
  /** 5 failed logins for a username (or from an address) → 429 for 10 minutes */
  readonly loginFailures: Limiter;

  constructor(private readonly repos: Repos, private readonly now: () => number) {
    this.loginFailures = new Limiter(5, 10 * 60_000, now);
  }

  private issue(kind: 'user' | 'device', principalId: string, ttlMs: number | null): string {
    const token = randomBytes(24).toString('base64url');
    const now = this.now();
    this.repos.tokens.insert({ token_hash: sha256(token), principal_kind: kind, principal_id: principalId, created_at: now, expires_at: ttlMs ? now + ttlMs : null });
    return token;
  }

  userInfo(id: string): UserInfo {
    const u = this.repos.users.get(id);
    if (!u) throw new HallError('user-not-found');
    return { id: u.id, name: u.name, role: u.role, windowIds: this.repos.users.windowIds(u.id) };
  }

  login(username: string, password: string, from: string): { token: string; user: UserInfo } {
    const keys = [`u:${username}`, `ip:${from}`];
    if (keys.some((k) => this.loginFailures.blocked(k)))
      throw new HallError('too-many-attempts', { retryAfterSeconds: Math.ceil(Math.max(...keys.map((k) => this.loginFailures.retryAfterMs(k))) / 1000) });
    const u = this.repos.users.byUsername(username);
    if (!u || !u.active || !verifyPassword(password, u.password_hash)) {
      keys.forEach((k) => this.loginFailures.hit(k));
      throw new HallError('invalid-credentials');
    }
    keys.forEach((k) => this.loginFailures.reset(k));
    return { token: this.issue('user', u.id, USER_TOKEN_MS), user: this.userInfo(u.id) };
  }

  logout(token: string) {
    this.repos.tokens.revoke(sha256(token), this.now());
  }

  createUser(u: { username: string; name: string; role: Role; password: string; windowIds?: string[] }, id = newId('u')): string {
    this.repos.db.transaction(() => {
      this.repos.users.insert({ id, username: u.username, name: u.name, role: u.role, password_hash: hashPassword(u.password) });
      for (const w of u.windowIds ?? []) this.repos.users.bindWindow(id, w);
    })();
    return id;
  }

  setPassword(username: string, password: string): boolean {
    const u = this.repos.users.byUsername(username);
    if (!u) return false;
    this.repos.users.setPassword(u.id, hashPassword(password));
    this.repos.tokens.revokeAllOf(u.id, this.now());
    return true;
  }

  createDevice(kind: DeviceKind, name: string): { id: string; token: string } {
    return this.repos.db.transaction(() => {
      let d = this.repos.devices.byName(name);
      if (d && d.kind !== kind) throw new HallError('conflict', { name }, `设备名称“${name}”已被其他类型的设备使用`);
      if (!d) {
        d = { id: newId('d'), kind, name, created_at: this.now() };
        this.repos.devices.insert(d);
      }
      return { id: d.id, token: this.issue('device', d.id, null) };
    })();
  }

  /** The actor behind a bearer token, or null when the token is unknown, expired or revoked. */
  resolve(token: string | undefined): Actor | null {
    if (!token) return null;
    const t = this.repos.tokens.get(sha256(token));
    if (!t || t.revoked_at != null || (t.expires_at != null && t.expires_at <= this.now())) return null;
    if (t.principal_kind === 'device') {
      const d = this.repos.devices.get(t.principal_id);
      return d ? { kind: 'device', id: d.id, role: d.kind, name: d.name } : null;
    }
    const u = this.repos.users.get(t.principal_id);
    if (!u || !u.active) return null;
    return { kind: 'user', id: u.id, role: u.role, name: u.name, windowIds: this.repos.users.windowIds(u.id) };
  }
}
