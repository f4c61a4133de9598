import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { checkAuthOptions } from './auth-options';
import { toClaims, type AuthUser } from './auth-user';
import { AuthService } from './auth.service';

const secret = 'unit-test-secret';
const user: AuthUser = { id: 'u1', username: 'li', role: 'grid_worker', unitCode: 'G-1' };

describe('AuthService tokens', () => {
  const auth = new AuthService({ secret, ttlSeconds: 60 });

  it('signs a token that verifies back to the same user, valid for ttlSeconds', async () => {
    const token = await auth.signToken(user);
    await expect(auth.verifyToken(token)).resolves.toEqual(user);
    const claims = new JwtService().decode<{ iat: number; exp: number; iss: string }>(token);
    expect(claims.exp - claims.iat).toBe(60);
    expect(claims.iss).toBe('tricolor');
    expect(auth.tokenTtlSeconds).toBe(60);
  });

  it('rejects an expired token as expired', async () => {
    const expired = new JwtService({ secret }).sign({
      sub: 'u1',
      username: 'li',
      role: 'grid_worker',
      unitCode: 'G-1',
      iss: 'tricolor',
      exp: Math.floor(Date.now() / 1000) - 5,
    });
    await expect(auth.verifyToken(expired)).rejects.toThrow(
      new UnauthorizedException('token expired'),
    );
  });

  it('rejects a token signed with another secret, or with no signature at all', async () => {
    const forged = await new AuthService({ secret: 'other', ttlSeconds: 60 }).signToken(user);
    await expect(auth.verifyToken(forged)).rejects.toThrow(
      new UnauthorizedException('invalid token'),
    );
    const [header, payload] = (await auth.signToken(user)).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expect(auth.verifyToken(`${none}.${payload}.`)).rejects.toThrow(UnauthorizedException);
    await expect(auth.verifyToken(`${header}.${payload}`)).rejects.toThrow(UnauthorizedException);
    await expect(auth.verifyToken('not-a-jwt')).rejects.toThrow(UnauthorizedException);
  });

  it('rejects a well-signed token without exp (issue 9, finding 3)', async () => {
    const forever = new JwtService({ secret }).sign({ ...toClaims(user), iss: 'tricolor' });
    await expect(auth.verifyToken(forever)).rejects.toThrow(
      new UnauthorizedException('invalid token'),
    );
  });

  it('rejects a well-signed token whose claims are not a user', async () => {
    const odd = new JwtService({ secret }).sign(
      { sub: 'u1', role: 'emperor', iss: 'tricolor' },
      { expiresIn: 60 },
    );
    await expect(auth.verifyToken(odd)).rejects.toThrow(
      new UnauthorizedException('invalid token claims'),
    );
  });

  it('hashes and verifies passwords', async () => {
    const hash = await auth.hashPassword('s3cret');
    await expect(auth.verifyPassword('s3cret', hash)).resolves.toBe(true);
    await expect(auth.verifyPassword('S3cret', hash)).resolves.toBe(false);
  });
});

describe('checkAuthOptions', () => {
  it('refuses an empty secret or a bad ttl, naming the option', () => {
    expect(() => checkAuthOptions({ secret: '', ttlSeconds: 60 })).toThrow(/secret/);
    expect(() => checkAuthOptions({ secret: 's', ttlSeconds: 0 })).toThrow(/ttlSeconds/);
    expect(() => checkAuthOptions({ secret: 's', ttlSeconds: 1.5 })).toThrow(/ttlSeconds/);
  });
});
