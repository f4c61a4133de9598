export * from './rules';
export { CommunityCoreModule } from './community.module';
export { CaseLocationService } from './case-location.service';
export { ReportsService, type ReportPage } from './reports.service';
export { ReportOverdueService } from './report-overdue.service';
export {
  TeamService,
  type TeamChangeView,
  type TeamMemberView,
  type TeamView,
} from './team.service';
export {
  MAX_POINTS,
  MapService,
  checkPeriod,
  type BoundaryView,
  type MapCasePoint,
  type MapData,
  type MapFilter,
  type MapGrid,
  type MapReportPoint,
} from './map.service';
export type {
  ConvertOverrides,
  FileReportCommand,
  IntakeCheck,
  IntakePrefill,
  ListReportsFilter,
} from './report-commands';
export type { ReportEventView, ReportView } from './report-view';
export { intakePrefill } from './intake-prefill';
