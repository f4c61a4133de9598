import { Module } from '@nestjs/common';
import { DisputesCoreModule, PersonalDataReads } from '@tricolor/core';
import { DisputesController } from './disputes.controller';

@Module({
  imports: [DisputesCoreModule],
  controllers: [DisputesController],
  providers: [PersonalDataReads],
})
export class DisputesModule {}
