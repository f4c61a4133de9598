import { Injectable, UnauthorizedException } from '@nestjs/common';
import { TransactionRunner, UserEntity } from '@tricolor/persistence';
import type { AccountGate, AuthUser } from '../auth';

/**
 * How long this process trusts what it read of an account. A change made through this process
 * takes effect at once (`forget`); one made through another replica, within this bound.
 */
export const ACCOUNT_CACHE_MS = 5_000;
/** Accounts remembered at most: the oldest are dropped first. */
const MAX_CACHED = 10_000;

type Account = Pick<UserEntity, 'active' | 'tokenVersion' | 'role' | 'unitCode'>;

// One answer for every reason, so a token holder learns nothing about the account.
const revoked = () => new UnauthorizedException('token is no longer valid: sign in again');

@Injectable()
export class CachedAccountGate implements AccountGate {
  private readonly cache = new Map<string, { until: number; account: Account | null }>();

  constructor(private readonly tx: TransactionRunner) {}

  async admit(user: AuthUser, tokenVersion: number): Promise<void> {
    const account = await this.account(user.id);
    if (
      !account ||
      !account.active ||
      (account.tokenVersion ?? 0) !== tokenVersion ||
      account.role !== user.role ||
      (account.unitCode ?? '') !== user.unitCode
    ) {
      throw revoked();
    }
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private async account(id: string): Promise<Account | null> {
    const now = Date.now();
    const hit = this.cache.get(id);
    if (hit && hit.until > now) return hit.account;
    const account = await this.tx.run((m) =>
      m.findOne(UserEntity, {
        where: { id },
        select: { id: true, active: true, tokenVersion: true, role: true, unitCode: true },
      }),
    );
    this.cache.delete(id);
    if (this.cache.size >= MAX_CACHED) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(id, { until: now + ACCOUNT_CACHE_MS, account });
    return account;
  }
}
