import { Module } from '@nestjs/common';
import { JurisdictionModule } from '../jurisdiction/jurisdiction.module';
import { NotificationsCoreModule } from '../notifications/notifications.module';
import { TimersModule } from '../timers/timers.module';
import { CalendarCoreModule } from '../calendar/calendar-core.module';
import { WorkflowMigrationModule } from '../workflow-migration/workflow-migration.module';
import { CaseAnnotations } from './case-annotations.service';
import { DisputeQueriesService } from './dispute-queries.service';
import { OpenDisputeService } from './open-dispute.service';
import { SendEventService } from './send-event.service';

/** The dispute use cases, shared by the API and the timer worker. */
@Module({
  imports: [
    JurisdictionModule,
    TimersModule,
    NotificationsCoreModule,
    CalendarCoreModule,
    WorkflowMigrationModule,
  ],
  providers: [OpenDisputeService, SendEventService, DisputeQueriesService, CaseAnnotations],
  exports: [
    OpenDisputeService,
    SendEventService,
    DisputeQueriesService,
    CaseAnnotations,
    JurisdictionModule,
    TimersModule,
    NotificationsCoreModule,
    CalendarCoreModule,
    WorkflowMigrationModule,
  ],
})
export class DisputesCoreModule {}
