import { Module } from '@nestjs/common';
import { JurisdictionService } from './jurisdiction.service';

@Module({ providers: [JurisdictionService], exports: [JurisdictionService] })
export class JurisdictionModule {}
