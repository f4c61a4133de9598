import { Module } from '@nestjs/common';
import { CalendarModule as CalendarCore, JurisdictionModule } from '@tricolor/core';
import { CalendarController } from './calendar.controller';
import { NextController } from './next.controller';

@Module({
  imports: [CalendarCore, JurisdictionModule],
  controllers: [CalendarController, NextController],
})
export class CalendarApiModule {}
