import { Module } from '@nestjs/common';
import { CalendarModule as CalendarCore, JurisdictionModule } from '@tricolor/core';
import { CalendarController } from './calendar.controller';

@Module({
  imports: [CalendarCore, JurisdictionModule],
  controllers: [CalendarController],
})
export class CalendarApiModule {}
