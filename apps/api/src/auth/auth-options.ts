/** What AuthModule needs from the caller (usually read from JWT_SECRET and the config). */
export interface AuthModuleOptions {
  /** HMAC secret for HS256 tokens. */
  secret: string;
  /** Lifetime of an issued token, in seconds. */
  ttlSeconds: number;
  /** How long after sign-in POST /auth/refresh stops renewing (default 12 hours). */
  sessionMaxSeconds?: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Fails the boot, naming the option, rather than issuing tokens nobody can trust. */
export function checkAuthOptions(options: AuthModuleOptions): AuthModuleOptions {
  if (typeof options.secret !== 'string' || options.secret.length === 0) {
    throw new Error('AuthModule: secret must be a non-empty string');
  }
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) {
    throw new Error(`AuthModule: ttlSeconds must be a positive integer, got ${options.ttlSeconds}`);
  }
  return options;
}
