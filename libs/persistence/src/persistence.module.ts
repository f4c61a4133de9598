import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ALL_ENTITIES } from './entities';
import { MigrationFailedError, initialize, type OpenDatabaseOptions } from './open-database';
import { HeavyReads } from './heavy-reads';
import { TransactionRunner } from './transaction-runner';
import { TricolorDataSource } from './tricolor-data-source';

/**
 * The database for a Nest application: one DataSource (migrated at start unless `migrate` is
 * false), a repository for every entity (`@InjectRepository(DisputeEntity)`), and the
 * TransactionRunner and HeavyReads. Global, so feature modules need not import it.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: OpenDatabaseOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(options),
            // Retry an unreachable database, but not a migration that failed: it would fail again.
            toRetry: (error: unknown) => !(error instanceof MigrationFailedError),
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('PersistenceModule: no DataSource options');
            return initialize(new TricolorDataSource(dataSourceOptions), options.migrate ?? true);
          },
        }),
        TypeOrmModule.forFeature(ALL_ENTITIES),
      ],
      providers: [
        {
          provide: TransactionRunner,
          useFactory: (dataSource: DataSource) => new TransactionRunner(dataSource),
          inject: [DataSource],
        },
        {
          provide: HeavyReads,
          useFactory: (dataSource: DataSource, tx: TransactionRunner) =>
            new HeavyReads(dataSource, tx),
          inject: [DataSource, TransactionRunner],
        },
      ],
      exports: [TypeOrmModule, TransactionRunner, HeavyReads],
    };
  }
}
