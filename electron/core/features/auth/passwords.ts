/**
 * Password hashing and session tokens (security baseline: scrypt, constant-time compare).
 * scrypt N=16384, r=8, p=1, 32-byte key, 16-byte random salt per account.
 *
 * Hashing runs on libuv's thread pool (async `crypto.scrypt`), never on the thread that answers
 * calls, and through a small queue of its own: at most HASH_PARALLEL at once (one core stays free
 * for everything else on a 2-core hall PC), at most HASH_WAITING waiting; beyond that a login is
 * refused as busy at once instead of piling up (a flood of 64 parallel logins must not delay
 * anyone else's calls).
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLen: 32, saltLen: 16 } as const;
/** A session lasts one shift. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const HASH_PARALLEL = 1;
const HASH_WAITING = 32;
let running = 0;
const waiting: Array<() => void> = [];

/** Runs `fn` when a hashing slot is free; refuses at once (busy) when too many already wait. */
export async function withHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= HASH_PARALLEL) {
    if (waiting.length >= HASH_WAITING) throw new ApiError('busy');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function scryptKey(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      SCRYPT.keyLen,
      { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** A new salt and hash (in a hashing slot). */
export function hashPassword(
  password: string,
  salt: Buffer = randomBytes(SCRYPT.saltLen),
): Promise<{ salt: Buffer; hash: Buffer }> {
  return withHashSlot(async () => ({ salt, hash: await scryptKey(password, salt) }));
}

/** Compares in constant time. Call inside a hashing slot (withHashSlot). */
export async function verifyPasswordInSlot(password: string, salt: Buffer, hash: Buffer): Promise<boolean> {
  const candidate = await scryptKey(password, salt);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

/**
 * Verified against when the user name is unknown, so an unknown name costs the same scrypt
 * as a wrong password and the answer time does not tell which one it was.
 */
const DUMMY_SALT = Buffer.alloc(SCRYPT.saltLen, 7);
const DUMMY_HASH = createHash('sha256').update('dummy-password-for-timing').digest();
export async function verifyAgainstDummyInSlot(password: string): Promise<false> {
  await verifyPasswordInSlot(password, DUMMY_SALT, DUMMY_HASH);
  return false;
}

/** 32 random bytes, base64url: what the host keeps in the cookie / main-process memory. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
