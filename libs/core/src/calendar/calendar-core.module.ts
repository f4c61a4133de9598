import { Module } from '@nestjs/common';
import { JurisdictionModule } from '../jurisdiction/jurisdiction.module';
import { CalendarStore } from './calendar-store.service';
import { NextSteps } from './next-steps.service';

/** The business calendar in force, for every step that arms a working-time deadline. */
@Module({
  imports: [JurisdictionModule],
  providers: [CalendarStore, NextSteps],
  exports: [CalendarStore, NextSteps],
})
export class CalendarCoreModule {}
