/**
 * Access: sign-in with throttling, bearer tokens, and the hashing that must happen before a hall
 * command (scrypt is slow and async). Tokens are random and reach the hall only as their sha256;
 * who a token belongs to, and every change of accounts and devices, is the hall's (hall/people.ts).
 */
import { randomBytes } from 'node:crypto';
import { HallError } from '../../protocol/errors.js';
import type { DeviceKind, UserInfo } from '../../protocol/domain.js';
import type { Actor, Hall } from '../hall.js';
import { DUMMY_HASH, MIN_PASSWORD_LENGTH, hashPassword, tokenHash as sha256, verifyPassword } from '../hall/passwords.js';
import { Limiter } from './limiter.js';

export { sha256 };
const newToken = () => randomBytes(24).toString('base64url');

/** 5 failed sign-ins of one username from one address → 429 for 10 minutes (CONTRACT.md "Accounts"). */
export const LOGIN_FAILURES = { max: 5, windowMs: 10 * 60_000 };
/** Any sign-in attempts from one address, right or wrong: each costs ~50 ms of scrypt on the thread pool. */
export const LOGIN_ATTEMPTS = { max: 30, windowMs: 60_000 };

export function checkPasswordStrength(password: string) {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new HallError('weak-password', { min: MIN_PASSWORD_LENGTH });
}

export class Auth {
  /**
   * Failures count per (address, username): a stranger guessing admin's password from one PC locks
   * out only that PC's tries for that name, never the admin at another desk.
   */
  readonly loginFailures: Limiter;
  readonly loginAttempts: Limiter;

  constructor(private readonly hall: Hall, now: () => number) {
    this.loginFailures = new Limiter(LOGIN_FAILURES.max, LOGIN_FAILURES.windowMs, now);
    this.loginAttempts = new Limiter(LOGIN_ATTEMPTS.max, LOGIN_ATTEMPTS.windowMs, now);
  }

  async login(username: string, password: string, from: string): Promise<{ token: string; user: UserInfo }> {
    const key = `${from}|${username}`;
    for (const [limiter, k] of [[this.loginFailures, key], [this.loginAttempts, from]] as const) {
      if (limiter.blocked(k)) throw new HallError('too-many-attempts', { retryAfterSeconds: Math.ceil(limiter.retryAfterMs(k) / 1000) });
    }
    this.loginAttempts.hit(from);
    const cred = this.hall.people.credentials(username);
    // an unknown name costs the same scrypt as a known one: the answer's time tells nothing
    const ok = await verifyPassword(password, cred?.passwordHash ?? DUMMY_HASH);
    if (!cred || !ok) {
      this.loginFailures.hit(key);
      throw new HallError('invalid-credentials');
    }
    this.loginFailures.reset(key);
    const token = newToken();
    const user = this.hall.people.startSession(cred.userId, sha256(token), from);
    return { token, user };
  }

  logout(actor: Actor, token: string) {
    this.hall.people.endSession(actor, sha256(token));
  }

  async createUser(actor: Actor, u: { username: string; name: string; role: UserInfo['role']; password: string; windowIds?: string[]; requestId?: string; phone?: string }) {
    this.hall.authorize(actor, 'users.manage');
    checkPasswordStrength(u.password);
    const { password, ...rest } = u;
    return this.hall.people.createUser(actor, { ...rest, passwordHash: await hashPassword(password) });
  }

  async resetPassword(actor: Actor, userId: string, password: string) {
    this.hall.authorize(actor, 'users.manage');
    checkPasswordStrength(password);
    return this.hall.people.resetPassword(actor, userId, await hashPassword(password));
  }

  async changeOwnPassword(actor: Actor, oldPassword: string, newPassword: string) {
    this.hall.authorize(actor, 'self.password');
    const stored = this.hall.people.passwordHashOf(actor.id);
    if (!stored || !(await verifyPassword(oldPassword, stored))) throw new HallError('wrong-password');
    checkPasswordStrength(newPassword);
    return this.hall.people.changeOwnPassword(actor, await hashPassword(newPassword));
  }

  /** Registers a device; the token is shown once (only its hash is kept). */
  createDevice(actor: Actor, input: { kind: DeviceKind; name: string; replace?: boolean; requestId?: string }): { id: string; token: string } {
    const token = newToken();
    const r = this.hall.people.registerDevice(actor, input, sha256(token));
    // a replayed request cannot show the first token again (only its hash was kept): say so plainly
    if (r.replayed) throw new HallError('duplicate-device', { name: input.name, replayed: true });
    return { id: r.id, token };
  }

  /** The actor behind a bearer token, or null when the token is unknown, expired or revoked. */
  resolve(token: string | undefined): Actor | null {
    return token ? this.hall.people.resolveToken(sha256(token)) : null;
  }
}
