import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { TransactionRunner, UserEntity, isUniqueViolation, newId } from '@tricolor/persistence';
import { hashPassword } from '../auth';

/** On first start, creates the admin named by ADMIN_USERNAME / ADMIN_PASSWORD (DESIGN.md §6). */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly log = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername: username, adminPassword } = this.config;
    const exists = await this.tx.run((m) => m.exists(UserEntity, { where: { username } }));
    if (exists) return;
    try {
      await this.tx.run(async (m) =>
        m.insert(UserEntity, {
          id: newId(),
          username,
          passwordHash: await hashPassword(adminPassword),
          displayName: 'Administrator',
          role: 'admin',
          unitCode: null,
          institution: null,
          active: true,
          createdAt: new Date(),
        }),
      );
      this.log.log(`created the bootstrap admin "${username}"`);
    } catch (error) {
      // Another replica created it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
