import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { CreateUnitDto, CreateUserDto } from './admin.dto';
import { UnitsService } from './units.service';
import { UsersService } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'supervisor')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly units: UnitsService,
    private readonly users: UsersService,
  ) {}

  @Post('units')
  createUnit(@CurrentUser() caller: AuthUser, @Body() body: CreateUnitDto) {
    return this.units.create(caller, body);
  }

  @Get('units')
  listUnits() {
    return this.units.list();
  }

  @Post('users')
  createUser(@CurrentUser() caller: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Get('users')
  listUsers() {
    return this.users.list();
  }
}
