import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@tricolor/config';
import { PersistenceModule } from '@tricolor/persistence';
import { ConfigModule } from './config.module';
import { OpsModule } from './ops/ops.module';

/** What every process needs first: the validated configuration, the migrated database, health and metrics. */
@Module({})
export class CoreRootModule {
  static forRoot(config: AppConfig): DynamicModule {
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
