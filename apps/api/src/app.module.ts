import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { CoreRootModule } from '@tricolor/core';
import { AccountsModule } from './accounts/accounts.module';
import { AdminModule } from './admin/admin.module';
import { AgendaModule } from './agenda/agenda.module';
import { AuthModule } from './auth';
import { CommunityModule } from './community/community.module';
import { CalendarApiModule } from './calendar/calendar.module';
import { CasefileModule } from './casefile/casefile.module';
import { DisputesModule } from './disputes/disputes.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { StaffModule } from './staff/staff.module';
import { StatsModule } from './stats/stats.module';
import { TriageModule } from './triage/triage.module';
import { SupervisionModule } from './supervision/supervision.module';
import { ThrottleModule } from './throttle/throttle.module';
import { WorkerModule } from '../../worker/src/worker.module';
import { WorkflowController } from './workflow/workflow.controller';

/** The HTTP API root. The timer worker joins it in-process unless RUN_WORKER=false. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreRootModule.forRoot(config),
        AuthModule.forRoot({
          secret: config.jwtSecret,
          ttlSeconds: Math.round(config.jwtTtlMs / 1000),
          sessionMaxSeconds: Math.round(config.jwtSessionMaxMs / 1000),
        }),
        AccountsModule,
        ThrottleModule,
        AdminModule,
        DisputesModule,
        HealthModule,
        NotificationsModule,
        AgendaModule,
        StatsModule,
        CommunityModule,
        StaffModule,
        TriageModule,
        CalendarApiModule,
        SupervisionModule,
        CasefileModule,
        // One process runs the API and the timer worker unless RUN_WORKER=false.
        ...(config.runWorker ? [WorkerModule] : []),
      ],
      controllers: [WorkflowController],
    };
  }
}
