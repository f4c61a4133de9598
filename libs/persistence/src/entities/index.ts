import { AgendaEntity } from './agenda.entity';
import { AgreementEntity } from './agreement.entity';
import { DisputeAssignmentEntity } from './dispute-assignment.entity';
import { DisputeEventEntity } from './dispute-event.entity';
import { DisputeEntity } from './dispute.entity';
import { NotificationEntity } from './notification.entity';
import { TimerEntity } from './timer.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

export {
  AgendaEntity,
  AgreementEntity,
  DisputeAssignmentEntity,
  DisputeEntity,
  DisputeEventEntity,
  NotificationEntity,
  TimerEntity,
  UnitEntity,
  UserEntity,
};
export type { PartyRecord } from './dispute.entity';

export const ALL_ENTITIES = [
  UnitEntity,
  UserEntity,
  DisputeEntity,
  DisputeEventEntity,
  AgreementEntity,
  TimerEntity,
  NotificationEntity,
  AgendaEntity,
  DisputeAssignmentEntity,
];
