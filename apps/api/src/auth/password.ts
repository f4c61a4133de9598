import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: 32 MiB and roughly 50–100 ms per hash on a server core. */
const CURRENT = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from storage: a corrupted row must not exhaust memory.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (salt and key in base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, CURRENT, KEY_BYTES);
  return [
    'scrypt',
    CURRENT.N,
    CURRENT.r,
    CURRENT.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash in constant time. Throws if the hash is not ours.
 * Pass `undefined` for an unknown user: it costs what a real check costs and answers false,
 * so response times do not reveal which usernames exist.
 */
export async function verifyPassword(
  password: string,
  stored: string | undefined,
): Promise<boolean> {
  if (stored === undefined) {
    dummyHash ??= hashPassword('no such user');
    await verifyPassword(password, await dummyHash);
    return false;
  }
  const parsed = parseHash(stored);
  const key = await derive(password, parsed.salt, parsed, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when a stored hash was made with weaker parameters than today's: rehash at next login. */
export function needsRehash(stored: string): boolean {
  const { N, r, p, key } = parseHash(stored);
  return N !== CURRENT.N || r !== CURRENT.r || p !== CURRENT.p || key.length !== KEY_BYTES;
}

function parseHash(stored: string): ParsedHash {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    throw new Error('unrecognised password hash format (expected scrypt$N$r$p$salt$key)');
  }
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  const valid =
    isPowerOfTwo(N) &&
    N <= MAX_N &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= MAX_R &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= MAX_P &&
    salt.length > 0 &&
    key.length >= 16;
  if (!valid) throw new Error('password hash has invalid scrypt parameters');
  return { N, r, p, salt, key };
}

function derive(
  password: string,
  salt: Buffer,
  params: ScryptParams,
  length: number,
): Promise<Buffer> {
  // NFKC, so that a password typed with full-width characters on a phone keyboard still matches.
  const input = password.normalize('NFKC');
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(input, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
}
