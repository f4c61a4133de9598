import { Module } from '@nestjs/common';
import { JurisdictionModule } from '../jurisdiction/jurisdiction.module';
import { AgendaService } from './agenda.service';

/** The joint-meeting agenda, shared by the API (GET /agenda) and the weekly timer job. */
@Module({
  imports: [JurisdictionModule],
  providers: [AgendaService],
  exports: [AgendaService],
})
export class AgendaCoreModule {}
