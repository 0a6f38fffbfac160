/**
 * scrypt password hashes: `scrypt$N$r$p$salt$hash`, base64url; compared in constant time. Async:
 * scrypt runs on libuv's thread pool, so a burst of sign-ins never holds the event loop (about
 * 50 ms of CPU each).
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384, R = 8, P = 1, LEN = 32;

const scrypt = (password: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, LEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64url');
  const got = await scrypt(password, Buffer.from(salt, 'base64url'), want.length, { N: +n, r: +r, p: +p });
  return timingSafeEqual(want, got);
}

/**
 * A hash of no one's password: an unknown username is checked against it, so a sign-in takes as
 * long whether or not the name exists (the time must not tell which usernames are real).
 */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(LEN).toString('base64url')}`;

/** CONTRACT.md "Accounts": at least 8 characters. */
export const MIN_PASSWORD_LENGTH = 8;

/** What the database keeps of a bearer token: its sha256 (a copied database grants no access). */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
