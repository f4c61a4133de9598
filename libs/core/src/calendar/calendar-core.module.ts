import { Module } from '@nestjs/common';
import { CalendarStore } from './calendar-store.service';

/** The business calendar in force, for every step that arms a working-time deadline. */
@Module({
  providers: [CalendarStore],
  exports: [CalendarStore],
})
export class CalendarCoreModule {}
