export {
  MIGRATION_RECORD_TYPE,
  SnapshotMigrationService,
  type MigrationReport,
} from './snapshot-migration.service';
export { WorkflowMigrationModule } from './workflow-migration.module';
