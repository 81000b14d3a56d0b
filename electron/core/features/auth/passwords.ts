/**
 * Password hashing and session tokens (security baseline: scrypt, constant-time compare).
 * scrypt N=16384, r=8, p=1, 32-byte key, 16-byte random salt per account.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLen: 32, saltLen: 16 } as const;
/** A session lasts one shift. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashPassword(
  password: string,
  salt: Buffer = randomBytes(SCRYPT.saltLen),
): { salt: Buffer; hash: Buffer } {
  const hash = scryptSync(password.normalize('NFC'), salt, SCRYPT.keyLen, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    maxmem: 64 * 1024 * 1024,
  });
  return { salt, hash };
}

export function verifyPassword(password: string, salt: Buffer, hash: Buffer): boolean {
  const candidate = hashPassword(password, salt).hash;
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

/**
 * Verified against when the user name is unknown, so an unknown name costs the same scrypt
 * as a wrong password and the answer time does not tell which one it was.
 */
const DUMMY = hashPassword('dummy-password-for-timing', Buffer.alloc(SCRYPT.saltLen, 7));
export function verifyAgainstDummy(password: string): false {
  verifyPassword(password, DUMMY.salt, DUMMY.hash);
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
