import { Module } from '@nestjs/common';
import { DisputesCoreModule } from '@tricolor/core';
import { CandidatesController } from './candidates.controller';

@Module({
  imports: [DisputesCoreModule],
  controllers: [CandidatesController],
})
export class StaffModule {}
