import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth-options';
import { fromClaims, toClaims, type AuthUser } from './auth-user';
import { hashPassword, needsRehash, verifyPassword } from './password';

const ISSUER = 'tricolor';
// Pinned, so a token cannot pick its own algorithm (e.g. `none`).
const ALGORITHM = 'HS256';

/** Password and token primitives for the login endpoint and the AuthGuard. */
@Injectable()
export class AuthService {
  private readonly jwt: JwtService;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions) {
    this.jwt = new JwtService({
      // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM public
      // key and catches the throw on every verify, which cost 13 % of the API's CPU.
      secret: createSecretKey(Buffer.from(options.secret)),
      signOptions: { algorithm: ALGORITHM, issuer: ISSUER, expiresIn: options.ttlSeconds },
      verifyOptions: { algorithms: [ALGORITHM], issuer: ISSUER },
    });
  }

  /** Seconds an issued token stays valid, for the login response's `expiresIn`. */
  get tokenTtlSeconds(): number {
    return this.options.ttlSeconds;
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  /** `stored` is undefined for an unknown user: same cost, answer false. */
  verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
    return verifyPassword(password, stored);
  }

  needsRehash(stored: string): boolean {
    return needsRehash(stored);
  }

  signToken(user: AuthUser): Promise<string> {
    return this.jwt.signAsync({ ...toClaims(user) });
  }

  /** The user a token speaks for; 401 when it is expired, forged or malformed. */
  async verifyToken(token: string): Promise<AuthUser> {
    let payload: object;
    try {
      payload = await this.jwt.verifyAsync<object>(token);
    } catch (error) {
      throw new UnauthorizedException(
        error instanceof TokenExpiredError ? 'token expired' : 'invalid token',
      );
    }
    const user = fromClaims(payload);
    if (user === undefined) throw new UnauthorizedException('invalid token claims');
    return user;
  }
}
