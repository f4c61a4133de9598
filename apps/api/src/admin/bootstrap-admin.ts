import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { AccountAuditLog } from '@tricolor/core';
import { TransactionRunner, UserEntity, isUniqueViolation, newId } from '@tricolor/persistence';
import { hashPassword } from '../auth';

/** On first start, creates the admin named by ADMIN_USERNAME / ADMIN_PASSWORD (DESIGN.md §6). */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly log = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    private readonly audit: AccountAuditLog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername: username, adminPassword } = this.config;
    const exists = await this.tx.run((m) => m.exists(UserEntity, { where: { username } }));
    if (exists) return;
    try {
      const id = newId();
      const passwordHash = await hashPassword(adminPassword);
      await this.audit.record(async (m) => {
        const at = new Date();
        await m.insert(UserEntity, {
          id,
          username,
          passwordHash,
          displayName: 'Administrator',
          role: 'admin',
          unitCode: null,
          institution: null,
          active: true,
          tokenVersion: 0,
          createdAt: at,
        });
        const change = {
          actorId: 'system',
          actorRole: 'system',
          action: 'create' as const,
          targetId: id,
          details: { username, role: 'admin' },
          at,
        };
        return { result: undefined, change };
      });
      this.log.log(`created the bootstrap admin "${username}"`);
    } catch (error) {
      // Another replica created it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
