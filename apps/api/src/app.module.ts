import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { PersistenceModule } from '@tricolor/persistence';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth';
import { DisputesModule } from './disputes/disputes.module';
import { HealthModule } from './health/health.module';
import { WorkflowController } from './workflow/workflow.controller';

@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}

/** The HTTP API root. The timer worker joins it in-process unless RUN_WORKER=false. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          poolSize: config.dbPoolSize,
        }),
        AuthModule.forRoot({
          secret: config.jwtSecret,
          ttlSeconds: Math.round(config.jwtTtlMs / 1000),
        }),
        AdminModule,
        DisputesModule,
        HealthModule,
      ],
      controllers: [WorkflowController],
    };
  }
}
