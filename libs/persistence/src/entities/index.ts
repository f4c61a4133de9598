import { AccountAuditEntity } from './account-audit.entity';
import { AgendaEntity } from './agenda.entity';
import { AgreementEntity } from './agreement.entity';
import { CommunityReportEventEntity } from './community-report-event.entity';
import { CommunityReportEntity } from './community-report.entity';
import { GridBoundaryEntity } from './grid-boundary.entity';
import { TeamChangeEntity } from './team-change.entity';
import { TeamMemberEntity } from './team-member.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { SupervisionNoticeEntity } from './supervision-notice.entity';
import { AttachmentEntity } from './attachment.entity';
import { DisputeAssignmentEntity } from './dispute-assignment.entity';
import { DisputeEventEntity } from './dispute-event.entity';
import { DisputeTextEntity } from './dispute-text.entity';
import { DisputeEntity } from './dispute.entity';
import { NotificationEntity } from './notification.entity';
import { PersonalDataReadEntity } from './personal-data-read.entity';
import { TimerEntity } from './timer.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';
import {
  StatsClosedChangeEntity,
  StatsRollupEntity,
  StatsRollupTimeEntity,
} from './stats-rollup.entity';

export {
  AccountAuditEntity,
  AgendaEntity,
  AgreementEntity,
  CommunityReportEntity,
  CommunityReportEventEntity,
  CalendarYearEntity,
  AttachmentEntity,
  DisputeAssignmentEntity,
  DisputeEntity,
  DisputeEventEntity,
  DisputeTextEntity,
  GridBoundaryEntity,
  NotificationEntity,
  TeamChangeEntity,
  TeamMemberEntity,
  SupervisionNoticeEntity,
  PersonalDataReadEntity,
  TimerEntity,
  UnitEntity,
  UserEntity,
  StatsClosedChangeEntity,
  StatsRollupEntity,
  StatsRollupTimeEntity,
};
export type { ConcernedPerson } from './community-report.entity';
export type { PartyRecord } from './dispute.entity';

export const ALL_ENTITIES = [
  UnitEntity,
  UserEntity,
  DisputeEntity,
  DisputeEventEntity,
  DisputeTextEntity,
  AgreementEntity,
  TimerEntity,
  NotificationEntity,
  AgendaEntity,
  DisputeAssignmentEntity,
  CommunityReportEntity,
  CommunityReportEventEntity,
  TeamMemberEntity,
  TeamChangeEntity,
  GridBoundaryEntity,
  CalendarYearEntity,
  SupervisionNoticeEntity,
  AttachmentEntity,
  AccountAuditEntity,
  PersonalDataReadEntity,
  StatsClosedChangeEntity,
  StatsRollupEntity,
  StatsRollupTimeEntity,
];
