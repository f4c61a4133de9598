import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth-options';
import { fromClaims, toClaims, type AuthUser } from './auth-user';
import { hashPassword, needsRehash, verifyPassword } from './password';

const ISSUER = 'tricolor';
const DEFAULT_SESSION_MAX_SECONDS = 12 * 3600;

/** What a token carries besides the user: the account's token version and the sign-in time. */
export interface TokenSession {
  tokenVersion: number;
  startedAt: Date;
}
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

  /** Seconds after sign-in that refreshing stops: the user signs in again. */
  get sessionMaxSeconds(): number {
    return this.options.sessionMaxSeconds ?? DEFAULT_SESSION_MAX_SECONDS;
  }

  /** A token for `user` at the account's token version, in a session started at `startedAt`. */
  signToken(user: AuthUser, session: Partial<TokenSession> = {}): Promise<string> {
    const startedAt = session.startedAt ?? new Date();
    return this.jwt.signAsync({
      ...toClaims(user),
      tv: session.tokenVersion ?? 0,
      sat: Math.floor(startedAt.getTime() / 1000),
    });
  }

  /** The user a token speaks for; 401 when it is expired, forged or malformed. */
  async verifyToken(token: string): Promise<AuthUser> {
    return (await this.verifySession(token)).user;
  }

  /** The user and session of a token; 401 when it is expired, forged, malformed or has no exp. */
  async verifySession(token: string): Promise<{ user: AuthUser; session: TokenSession }> {
    let payload: { exp?: unknown; iat?: unknown; tv?: unknown; sat?: unknown };
    try {
      payload = await this.jwt.verifyAsync<object>(token);
    } catch (error) {
      throw new UnauthorizedException(
        error instanceof TokenExpiredError ? 'token expired' : 'invalid token',
      );
    }
    // jsonwebtoken checks exp only when present: a token that never expires is not ours.
    if (typeof payload.exp !== 'number') throw new UnauthorizedException('invalid token');
    const user = fromClaims(payload);
    if (user === undefined) throw new UnauthorizedException('invalid token claims');
    const tokenVersion = typeof payload.tv === 'number' ? payload.tv : 0;
    const started = typeof payload.sat === 'number' ? payload.sat : payload.iat;
    return {
      user,
      session: {
        tokenVersion,
        startedAt: new Date((typeof started === 'number' ? started : 0) * 1000),
      },
    };
  }
}
