import { Injectable, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import {
  ALL_MIGRATIONS,
  DisputeEntity,
  PersistenceModule,
  TransactionRunner,
  UnitEntity,
} from '@tricolor/persistence';
import { DRIVERS, createTestDatabase, type TestDatabase } from '../support/databases';
import { unitRows } from '../support/persistence-fixtures';

// A feature module that neither imports PersistenceModule nor registers entities itself.
@Injectable()
class UnitDirectory {
  constructor(
    @InjectRepository(UnitEntity) readonly units: Repository<UnitEntity>,
    readonly transactions: TransactionRunner,
  ) {}
}
@Module({ providers: [UnitDirectory] })
class FeatureModule {}

describe.each(DRIVERS)('PersistenceModule on %s', (driver) => {
  let database: TestDatabase;
  let moduleRef: TestingModule | undefined;

  beforeEach(async () => {
    database = await createTestDatabase(driver);
  });

  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
    await database.drop();
  });

  const start = async (migrate?: boolean) => {
    moduleRef = await Test.createTestingModule({
      imports: [PersistenceModule.forRoot({ ...database.config, migrate }), FeatureModule],
    }).compile();
    await moduleRef.init();
    return moduleRef;
  };

  it('migrates at start and provides repositories and the TransactionRunner', async () => {
    const app = await start();
    const dataSource = app.get(DataSource);
    expect(await dataSource.showMigrations()).toBe(false);
    const executed = await dataSource.query<unknown[]>('SELECT name FROM migrations');
    expect(executed).toHaveLength(ALL_MIGRATIONS.length);

    const directory = app.get(UnitDirectory);
    expect(directory.transactions).toBeInstanceOf(TransactionRunner);
    await directory.transactions.run((manager) => manager.insert(UnitEntity, unitRows()));
    expect(await directory.units.count()).toBe(3);
    expect(await dataSource.getRepository(DisputeEntity).count()).toBe(0);
  });

  it('leaves the schema alone when told not to migrate', async () => {
    const app = await start(false);
    expect(await app.get(DataSource).showMigrations()).toBe(true);
  });

  it('closes the connection when the application closes', async () => {
    const app = await start();
    const dataSource = app.get(DataSource);
    await app.close();
    moduleRef = undefined;
    expect(dataSource.isInitialized).toBe(false);
  });
});
