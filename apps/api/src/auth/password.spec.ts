import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from './password';

describe('password hashing (scrypt)', () => {
  it('writes a versioned, salted hash that verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
  });

  it('matches a password typed with full-width characters', async () => {
    const hash = await hashPassword('Pass123');
    await expect(verifyPassword('Ｐａｓｓ１２３', hash)).resolves.toBe(true);
  });

  it('verifies hashes made with older parameters and flags them for rehashing', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old-secret', salt, 64, { N: 2 ** 14, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    await expect(verifyPassword('old-secret', old)).resolves.toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('new'))).toBe(false);
  });

  it('spends the same effort on an unknown user and answers false', async () => {
    await expect(verifyPassword('anything', undefined)).resolves.toBe(false);
  });

  it('refuses a stored hash it does not understand instead of answering false', async () => {
    await expect(verifyPassword('x', 'bcrypt$2b$10$abc')).rejects.toThrow(/unrecognised/);
    await expect(
      verifyPassword('x', 'scrypt$1000$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5'),
    ).rejects.toThrow(/invalid scrypt parameters/);
    // A corrupted row must not make us allocate gigabytes.
    await expect(
      verifyPassword('x', `scrypt$${2 ** 24}$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5`),
    ).rejects.toThrow(/invalid scrypt parameters/);
  });
});
