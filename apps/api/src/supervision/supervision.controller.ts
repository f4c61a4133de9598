import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  JurisdictionService,
  SupervisionService,
  type SupervisionNoticeView,
  type WatchList,
} from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { ErrorResponse } from '../calendar/calendar.dto';
import {
  AcknowledgeSupervisionDto,
  IssueSupervisionDto,
  SupervisionNoticeResponse,
  SupervisionQuery,
  WatchListResponse,
} from './supervision.dto';

/** Supervision before a breach (督办): docs/api.md, Supervision. */
@ApiTags('supervision')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'No or a bad bearer token' })
@Controller()
export class SupervisionController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly supervision: SupervisionService,
  ) {}

  @Get('supervision')
  @ApiOperation({
    summary: 'Cases about to breach their deadline (the last SUPERVISION_SHARE of it) or past it',
    operationId: 'getSupervisionWatchList',
  })
  @ApiOkResponse({ type: WatchListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Not a supervisor or admin' })
  async watch(@CurrentUser() user: AuthUser, @Query() query: SupervisionQuery): Promise<WatchList> {
    return this.supervision.watchList(await this.jurisdiction.actorFor(user), query.unit);
  }

  @Post('disputes/:id/supervision')
  @ApiOperation({
    summary: "Issues a supervision notice on a case: lands in the handlers' inboxes",
    operationId: 'issueSupervisionNotice',
  })
  @ApiCreatedResponse({ type: SupervisionNoticeResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'A bad reason or dueBy' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Not a supervisor or admin' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such case for the caller' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The case is closed' })
  async issue(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: IssueSupervisionDto,
  ): Promise<SupervisionNoticeView> {
    return this.supervision.issue(await this.jurisdiction.actorFor(user), id, body);
  }

  @Get('disputes/:id/supervision')
  @ApiOperation({
    summary: "A case's supervision notices, oldest first, with their acknowledgement",
    operationId: 'listSupervisionNotices',
  })
  @ApiOkResponse({ type: [SupervisionNoticeResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such case for the caller' })
  async list(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<SupervisionNoticeView[]> {
    return this.supervision.noticesOf(await this.jurisdiction.actorFor(user), id);
  }

  @Post('disputes/:id/supervision/:noticeId/acknowledge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The handler acknowledges a supervision notice',
    operationId: 'acknowledgeSupervisionNotice',
  })
  @ApiOkResponse({ type: SupervisionNoticeResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Not a handler of the case' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such case or notice' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already acknowledged' })
  async acknowledge(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('noticeId') noticeId: string,
    @Body() body: AcknowledgeSupervisionDto,
  ): Promise<SupervisionNoticeView> {
    return this.supervision.acknowledge(
      await this.jurisdiction.actorFor(user),
      id,
      noticeId,
      body.note,
    );
  }
}
