import { Module } from '@nestjs/common';
import { DisputesCoreModule } from '../disputes/disputes-core.module';
import { CalendarCoreModule } from './calendar-core.module';
import { CalendarEdits } from './calendar-edits.service';

/** Editing the calendar (re-times the deadlines it moves, so it needs the cases' write path). */
@Module({
  imports: [CalendarCoreModule, DisputesCoreModule],
  providers: [CalendarEdits],
  exports: [CalendarEdits, CalendarCoreModule],
})
export class CalendarModule {}
