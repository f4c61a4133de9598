import { Module } from '@nestjs/common';
import { DisputesCoreModule } from '@tricolor/core';
import { DisputesController } from './disputes.controller';

@Module({
  imports: [DisputesCoreModule],
  controllers: [DisputesController],
})
export class DisputesModule {}
