import { Module } from '@nestjs/common';
import { JurisdictionModule } from '@tricolor/core';
import { AdminController } from './admin.controller';
import { AuthController } from './auth.controller';
import { BootstrapAdmin } from './bootstrap-admin';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { UsersService } from './users.service';

@Module({
  imports: [JurisdictionModule],
  controllers: [AdminController, AuthController, UnitsController],
  providers: [UnitsService, UsersService, BootstrapAdmin],
})
export class AdminModule {}
