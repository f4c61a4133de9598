import { Global, Module } from '@nestjs/common';
import { AccountAuditLog } from '@tricolor/core';
import { ACCOUNT_GATE } from '../auth';
import { CachedAccountGate } from './cached-account-gate';

/** Every token checked against its account (AuthGuard), and the log of account changes. */
@Global()
@Module({
  providers: [
    CachedAccountGate,
    { provide: ACCOUNT_GATE, useExisting: CachedAccountGate },
    AccountAuditLog,
  ],
  exports: [ACCOUNT_GATE, AccountAuditLog],
})
export class AccountsModule {}
