import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { JurisdictionService, ReportsService } from '@tricolor/core';
import { CurrentUser, type AuthUser } from '../auth';
import { ApiErrors, type ErrorSpec } from '../http';
import {
  AssignReportDto,
  ConvertReportDto,
  FileReportDto,
  HandleReportDto,
  ListReportsQuery,
} from './dto/report.dto';
import {
  ConvertResponse,
  IntakePrefillResponse,
  ReportEventResponse,
  ReportPageResponse,
  ReportResponse,
} from './dto/report.responses';
import { checkIntake } from './intake-check';

const NOT_FOUND: ErrorSpec = [404, 'No such report in the caller’s jurisdiction'];

/** 社情 reports: the grid's daily community information and the police room's queue (issue 15). */
@ApiTags('community')
@ApiBearerAuth()
@ApiErrors([401, 'No or bad bearer token'])
@Controller('community/reports')
export class ReportsController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly reports: ReportsService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'File a 社情 report (grid workers and volunteers in their grid, police in their community)',
    operationId: 'fileReport',
  })
  @ApiCreatedResponse({ type: ReportResponse })
  @ApiErrors([400, 'A field is missing or invalid'])
  @ApiErrors([403, 'The caller may not file in that grid'])
  async file(@CurrentUser() user: AuthUser, @Body() body: FileReportDto) {
    return this.reports.file(await this.jurisdiction.actorFor(user), body);
  }

  @Get()
  @ApiOperation({
    summary:
      'The report queue: reports in the caller’s jurisdiction, most urgent then oldest first',
    operationId: 'listReports',
  })
  @ApiOkResponse({ type: ReportPageResponse })
  @ApiErrors([400, 'A filter is invalid'])
  async list(@CurrentUser() user: AuthUser, @Query() query: ListReportsQuery) {
    return this.reports.list(await this.jurisdiction.actorFor(user), query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One report', operationId: 'getReport' })
  @ApiOkResponse({ type: ReportResponse })
  @ApiErrors([400, 'id is not a UUID'])
  @ApiErrors(NOT_FOUND)
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.get(await this.jurisdiction.actorFor(user), id);
  }

  @Get(':id/events')
  @ApiOperation({
    summary: 'The report’s audit trail, oldest first',
    operationId: 'getReportEvents',
  })
  @ApiOkResponse({ type: [ReportEventResponse] })
  @ApiErrors([400, 'id is not a UUID'])
  @ApiErrors(NOT_FOUND)
  async events(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.events(await this.jurisdiction.actorFor(user), id);
  }

  @Post(':id/handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the report handled, with a note', operationId: 'handleReport' })
  @ApiOkResponse({ type: ReportResponse })
  @ApiErrors([400, 'note is missing'])
  @ApiErrors([403, 'The caller does not work this report'])
  @ApiErrors(NOT_FOUND)
  @ApiErrors([409, 'Already handled or converted, or a stale expectedVersion'])
  async handle(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HandleReportDto,
  ) {
    return this.reports.handle(
      await this.jurisdiction.actorFor(user),
      id,
      body.note,
      body.expectedVersion,
    );
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Assign the follow-up to a member of the community team',
    operationId: 'assignReport',
  })
  @ApiOkResponse({ type: ReportResponse })
  @ApiErrors([400, 'assigneeId is not on the team'])
  @ApiErrors([403, 'The caller does not work this report'])
  @ApiErrors(NOT_FOUND)
  @ApiErrors([409, 'Already handled or converted, or a stale expectedVersion'])
  async assign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignReportDto,
  ) {
    return this.reports.assign(
      await this.jurisdiction.actorFor(user),
      id,
      body.assigneeId,
      body.followUp,
      body.expectedVersion,
    );
  }

  @Get(':id/intake')
  @ApiOperation({
    summary: 'The dispute intake form (POST /disputes fields) pre-filled from the report',
    operationId: 'getReportIntake',
  })
  @ApiOkResponse({ type: IntakePrefillResponse })
  @ApiErrors([400, 'id is not a UUID'])
  @ApiErrors(NOT_FOUND)
  async intake(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.prefill(await this.jurisdiction.actorFor(user), id);
  }

  @Post(':id/convert')
  @ApiOperation({
    summary: 'Turn the report into a dispute in one step (the pre-filled form with these changes)',
    operationId: 'convertReport',
    description:
      'Opens the case through the same path and checks as POST /disputes; the case keeps ' +
      'reportId and the report becomes converted, in one transaction.',
  })
  @ApiCreatedResponse({ type: ConvertResponse })
  @ApiErrors([400, 'The completed intake form is invalid (e.g. fewer than two parties)'])
  @ApiErrors([403, 'The caller may not work the report or open a case in its grid'])
  @ApiErrors(NOT_FOUND)
  @ApiErrors([409, 'Already handled or converted, or a stale expectedVersion'])
  async convert(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ConvertReportDto,
  ) {
    const { expectedVersion, ...overrides } = body;
    return this.reports.convert(
      await this.jurisdiction.actorFor(user),
      id,
      overrides,
      checkIntake,
      expectedVersion,
    );
  }
}
