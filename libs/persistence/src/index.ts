export * from './entities';
export { ALL_MIGRATIONS } from './migrations';
export {
  SQLITE_FILE_NAME,
  dataSourceOptions,
  driverOf,
  type DatabaseConfig,
  type DatabaseDriver,
} from './data-source-options';
export { LENGTHS } from './columns';
export { TricolorDataSource, createDataSource } from './tricolor-data-source';
export { runMigrations } from './run-migrations';
export { MigrationFailedError, openDatabase, type OpenDatabaseOptions } from './open-database';
export { TransactionRunner, type UnitOfWork } from './transaction-runner';
export { HeavyReads } from './heavy-reads';
export { WorkerChannel } from './worker-channel';
export { isUniqueViolation } from './unique-violation';
export { newId } from './new-id';
export { RowCodec, runStatement, type Statement } from './row-codec';
export { WriteBatch } from './write-batch';
export { DeferredWrites, DeferredWriteConflict } from './deferred-writes';
export { PersistenceModule } from './persistence.module';
export type { ConfirmationStatus, JsonObject, TimerStatus } from './types';
export { FieldCipher, fieldCipher, installFieldCipher, DEV_DATA_KEY_ID } from './field-cipher';
export { backupDatabase, restoreDatabase, defaultBackupFile, type BackupResult } from './backup';
