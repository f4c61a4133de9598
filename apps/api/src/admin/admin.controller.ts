import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountAuditLog } from '@tricolor/core';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { AccountAuditQuery, CreateUnitDto, CreateUserDto, UpdateUserDto } from './admin.dto';
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
    private readonly audit: AccountAuditLog,
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
  @ApiOperation({
    summary: 'Create a user',
    description:
      'Admins create any role; a supervisor creates grid workers and community police of their own street only.',
    operationId: 'createUser',
  })
  createUser(@CurrentUser() caller: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Get('users')
  @ApiOperation({
    summary: 'Users: all for an admin, their own street for a supervisor',
    operationId: 'listUsers',
  })
  listUsers(@CurrentUser() caller: AuthUser) {
    return this.users.list(caller);
  }

  @Patch('users/:id')
  @ApiOperation({
    summary: 'Deactivate, reactivate, reset the password, change role or unit',
    description:
      'Each change is recorded in the account audit log, and every token of the account stops working.',
    operationId: 'updateUser',
  })
  @ApiResponse({ status: 400, description: 'A field is invalid (the password policy, a unit)' })
  @ApiResponse({ status: 403, description: 'Not a change the caller may make' })
  @ApiResponse({ status: 404, description: 'No such user the caller may manage' })
  updateUser(
    @CurrentUser() caller: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
  ) {
    return this.users.update(caller, id, body);
  }

  @Get('audit')
  @Roles('admin')
  @ApiOperation({
    summary: 'The account audit log, newest first, and whether its sealed chain is intact',
    operationId: 'accountAudit',
  })
  accountAudit(@Query() query: AccountAuditQuery) {
    return this.audit.read(query.limit ?? 100);
  }
}
