import { Module } from '@nestjs/common';
import {
  AgendaCoreModule,
  CalendarModule,
  CommunityCoreModule,
  DisputesCoreModule,
  StatsCoreModule,
} from '@tricolor/core';
import { CalendarRetimeJob } from './jobs/calendar-retime.job';
import { ConfirmationReminderJob, ConfirmationWindowJob } from './jobs/confirmation-window.job';
import { DeadlineJob } from './jobs/deadline.job';
import { FollowUpJob } from './jobs/follow-up.job';
import { JOB_PROCESSORS } from './jobs/job-processor';
import { ReminderJob } from './jobs/reminder.job';
import { AgendaJob } from './jobs/agenda.job';
import { ReportSweep } from './report-sweep';
import { StatsRollupSweep } from './stats-rollup-sweep';
import { TimerWorker } from './timer-worker';

const PROCESSORS = [
  DeadlineJob,
  ReminderJob,
  FollowUpJob,
  ConfirmationWindowJob,
  ConfirmationReminderJob,
  AgendaJob,
  CalendarRetimeJob,
];

/** The timer worker: run in the API process by default, or alone by apps/worker/src/main.ts. */
@Module({
  imports: [
    DisputesCoreModule,
    AgendaCoreModule,
    CommunityCoreModule,
    CalendarModule,
    StatsCoreModule,
  ],
  providers: [
    ...PROCESSORS,
    {
      provide: JOB_PROCESSORS,
      useFactory: (...processors: unknown[]) => processors,
      inject: PROCESSORS,
    },
    TimerWorker,
    ReportSweep,
    StatsRollupSweep,
  ],
})
export class WorkerModule {}
