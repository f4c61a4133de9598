import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CalendarEdits,
  CalendarStore,
  JurisdictionService,
  type CalendarEditResult,
} from '@tricolor/core';
import { coveredYears, type WorkingPeriod } from '@tricolor/workflow';
import { ApiErrors } from '../http/api-errors.decorator';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import {
  CalendarEditResponse,
  CalendarResponse,
  ImportIcsDto,
  PutCalendarYearDto,
} from './calendar.dto';

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The business calendar deadlines in working time are counted on (docs/api.md, Calendar). */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(401, [403, 'Not an admin (or, to read, a supervisor)'])
@Roles('admin')
@Controller('admin/calendar')
export class CalendarController {
  constructor(
    private readonly store: CalendarStore,
    private readonly edits: CalendarEdits,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'The business calendar: working hours, the years covered, holidays and make-up days',
    operationId: 'getCalendar',
  })
  @ApiOkResponse({ type: CalendarResponse })
  async get(): Promise<CalendarResponse> {
    const calendar = await this.store.current();
    return {
      timeZone: 'Asia/Shanghai',
      utcOffsetMinutes: calendar.utcOffsetMinutes,
      workingHours: calendar.periods.map((p: WorkingPeriod) => ({
        start: hhmm(p.start),
        end: hhmm(p.end),
      })),
      coveredYears: coveredYears(calendar),
      years: await this.store.years(),
    };
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Imports an ICS file: each year it has all-day events for replaces that year',
    description:
      'All-day events whose summary names a working day (班, 补班, 上班, "make-up working day") ' +
      'are make-up days; other all-day events are holidays; timed events are ignored. ' +
      'Re-times the deadlines each year moves in a background job, as PUT years/:year does.',
    operationId: 'importCalendarIcs',
  })
  @ApiOkResponse({ type: [CalendarEditResponse] })
  @ApiErrors([400, 'Not iCalendar, or a bad day (naming the field)'], 413)
  async importIcs(
    @CurrentUser() user: AuthUser,
    @Body() body: ImportIcsDto,
  ): Promise<CalendarEditResult[]> {
    return this.edits.importIcs(
      await this.jurisdiction.actorFor(user),
      body.ics,
      body.source ?? 'ICS import',
    );
  }

  @Put('years/:year')
  @ApiOperation({
    summary: "Sets a year's holidays and make-up working days; re-times the deadlines it moves",
    description:
      'The year replaces the shipped official one. A background job (the worker) then moves ' +
      'every scheduled working-time timer whose count changes, in its case, its timer row and ' +
      'its audit trail (DEADLINE_RETIMED); the answer names the job.',
    operationId: 'putCalendarYear',
  })
  @ApiOkResponse({ type: CalendarEditResponse })
  @ApiErrors([400, 'A bad year or date, naming the field'])
  async put(
    @CurrentUser() user: AuthUser,
    @Param(
      'year',
      new ParseIntPipe({
        exceptionFactory: () => new BadRequestException('year must be a whole number'),
      }),
    )
    year: number,
    @Body() body: PutCalendarYearDto,
  ): Promise<CalendarEditResult> {
    return this.edits.putYear(await this.jurisdiction.actorFor(user), {
      year,
      holidays: body.holidays,
      makeUpDays: body.makeUpDays,
      ...(body.source !== undefined ? { source: body.source } : {}),
    });
  }
}
