import { Module } from '@nestjs/common';
import { AgendaCoreModule, JurisdictionModule } from '@tricolor/core';
import { AgendaController } from './agenda.controller';

@Module({
  imports: [AgendaCoreModule, JurisdictionModule],
  controllers: [AgendaController],
})
export class AgendaModule {}
