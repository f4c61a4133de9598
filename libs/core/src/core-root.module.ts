import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@tricolor/config';
import { FieldCipher, PersistenceModule, installFieldCipher } from '@tricolor/persistence';
import { ConfigModule } from './config.module';
import { AuditKeyring, installAuditKeyring } from './audit/audit-keys';
import { OpsModule } from './ops/ops.module';

/** What every process needs first: the validated configuration, the migrated database, health and metrics. */
@Module({})
export class CoreRootModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Every chained record this process writes or verifies is sealed with these keys.
    installAuditKeyring(new AuditKeyring(config.auditKeyId, config.auditKeys));
    // The parties' numbers at rest (AES-GCM) are encrypted and read with these.
    installFieldCipher(new FieldCipher(config.dataKeyId, config.dataKeys));
    return {
      module: CoreRootModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          poolSize: config.dbPoolSize,
        }),
        OpsModule,
      ],
    };
  }
}
