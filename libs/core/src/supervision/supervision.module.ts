import { Module } from '@nestjs/common';
import { CalendarCoreModule } from '../calendar/calendar-core.module';
import { DisputesCoreModule } from '../disputes/disputes-core.module';
import { SupervisionService } from './supervision.service';

/** Supervision before a breach (督办): the watch list and supervision notices. */
@Module({
  imports: [DisputesCoreModule, CalendarCoreModule],
  providers: [SupervisionService],
  exports: [SupervisionService],
})
export class SupervisionCoreModule {}
