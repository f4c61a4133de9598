import { Module } from '@nestjs/common';
import { JurisdictionModule } from '../jurisdiction/jurisdiction.module';
import { TimerWakeUps } from '../timers/timer-wake-ups';
import { DisputeQueriesService } from './dispute-queries.service';
import { DisputesController } from './disputes.controller';
import { OpenDisputeService } from './open-dispute.service';
import { SendEventService } from './send-event.service';

@Module({
  imports: [JurisdictionModule],
  controllers: [DisputesController],
  providers: [OpenDisputeService, SendEventService, DisputeQueriesService, TimerWakeUps],
  exports: [SendEventService],
})
export class DisputesModule {}
