import { Heavy } from '../throttle/heavy-query';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AccountAuditLog } from '@tricolor/core';
import { ApiErrors } from '../http/api-errors.decorator';
import { AccountAuditResponse, UnitResponse, UserResponse } from './admin.responses';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { AccountAuditQuery, CreateUnitDto, CreateUserDto, UpdateUserDto } from './admin.dto';
import { UnitsService } from './units.service';
import { UsersService } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'supervisor')
@ApiErrors(401, [403, 'Only admins and supervisors (a supervisor only in their own street)'], 503)
@Controller('admin')
export class AdminController {
  constructor(
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly audit: AccountAuditLog,
  ) {}

  @Post('units')
  @ApiOperation({
    operationId: 'createUnit',
    summary: 'Add a street, a community (in a street) or a grid (in a community)',
  })
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiErrors(
    [400, 'Bad input, or a parent of the wrong kind'],
    [409, 'The code is taken'],
    413,
    415,
  )
  createUnit(@CurrentUser() caller: AuthUser, @Body() body: CreateUnitDto) {
    return this.units.create(caller, body);
  }

  @Get('units')
  @ApiOperation({ operationId: 'listUnits', summary: 'Every unit, by code' })
  @ApiOkResponse({ type: [UnitResponse] })
  listUnits() {
    return this.units.list();
  }

  @Post('users')
  @ApiOperation({
    operationId: 'createUser',
    summary: 'Add a user in a unit',
    description:
      'A grid worker belongs to a grid, community police to a community, judicial officers, ' +
      'supervisors and panel members (with their institution) to a street. Admins create any ' +
      'role; a supervisor creates grid workers and community police of their own street only.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(
    [
      400,
      'Bad input (the password policy too), an unknown unit or one of the wrong kind for the role',
    ],
    [409, 'The username is taken'],
    413,
    415,
    429,
  )
  createUser(@CurrentUser() caller: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  @Get('users')
  @ApiOperation({
    operationId: 'listUsers',
    summary: 'Users by username: all for an admin, their own street for a supervisor',
  })
  @ApiOkResponse({ type: [UserResponse] })
  listUsers(@CurrentUser() caller: AuthUser) {
    return this.users.list(caller);
  }

  @Patch('users/:id')
  @ApiOperation({
    operationId: 'updateUser',
    summary: 'Deactivate, reactivate, reset the password, change role or unit',
    description:
      'Each change is recorded in the account audit log, and every token of the account stops working.',
  })
  @ApiParam({
    name: 'id',
    description: 'The user id (User.id)',
    schema: { type: 'string', maxLength: 64 },
  })
  @ApiOkResponse({ type: UserResponse, description: 'The user after the change' })
  @ApiErrors(
    [400, 'A field is invalid (the password policy, a unit)'],
    [403, 'Not a change the caller may make'],
    [404, 'No such user the caller may manage'],
    413,
    415,
    429,
  )
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
    operationId: 'accountAudit',
    summary: 'The account audit log, newest first, and whether its sealed chain is intact',
  })
  @ApiOkResponse({ type: AccountAuditResponse })
  @ApiErrors([400, 'limit is not an integer from 1 to 1000'], [403, 'Admins only'])
  @Heavy('account audit')
  accountAudit(@Query() query: AccountAuditQuery) {
    return this.audit.read(query.limit ?? 100);
  }
}
