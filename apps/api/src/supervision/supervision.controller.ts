import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  JurisdictionService,
  SupervisionService,
  type SupervisionNoticeView,
  type WatchList,
} from '@tricolor/core';
import { ApiErrors } from '../http/api-errors.decorator';
import { CurrentUser, type AuthUser } from '../auth';
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
@ApiErrors(401)
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
  @ApiErrors(400, [403, 'Not a supervisor or admin'])
  async watch(@CurrentUser() user: AuthUser, @Query() query: SupervisionQuery): Promise<WatchList> {
    return this.supervision.watchList(await this.jurisdiction.actorFor(user), query.unit);
  }

  @Post('disputes/:id/supervision')
  @ApiOperation({
    summary: "Issues a supervision notice on a case: lands in the handlers' inboxes",
    operationId: 'issueSupervisionNotice',
  })
  @ApiCreatedResponse({ type: SupervisionNoticeResponse })
  @ApiErrors([400, 'A bad reason or dueBy'], [403, 'Not a supervisor or admin'], 404, [
    409,
    'The case is closed, or changed meanwhile: retry',
  ])
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
  @ApiErrors(404)
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
  @ApiErrors(
    400,
    [403, 'Not a handler of the case'],
    [404, 'No such case or notice'],
    [409, 'Already acknowledged, or the case changed meanwhile: retry'],
  )
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
