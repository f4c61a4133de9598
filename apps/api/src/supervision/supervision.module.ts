import { Module } from '@nestjs/common';
import { JurisdictionModule, SupervisionCoreModule } from '@tricolor/core';
import { SupervisionController } from './supervision.controller';

@Module({
  imports: [SupervisionCoreModule, JurisdictionModule],
  controllers: [SupervisionController],
})
export class SupervisionModule {}
