import type { AuthUser } from './auth-user';

/**
 * Checks a verified token against the account it speaks for, on every request: the account
 * exists, is active, and still has the token version, role and unit the token was issued with.
 * Provided by AccountsModule (it needs the database); AuthModule alone (unit tests) has none.
 */
export interface AccountGate {
  /** Throws 401 when the token must no longer be honoured. */
  admit(user: AuthUser, tokenVersion: number): Promise<void>;
  /** Drops what this process remembers of an account (after it changed). */
  forget(userId: string): void;
}

export const ACCOUNT_GATE = Symbol('ACCOUNT_GATE');
