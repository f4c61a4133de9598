import { Heavy } from '../throttle/heavy-query';
import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  JurisdictionService,
  MonthlyReportService,
  reportCsv,
  reportXlsx,
  type MonthlyReport,
} from '@tricolor/core';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { ApiErrors } from '../http';
import { MonthlyReportResponse } from './dto/monthly-report.response';
import { MonthlyReportQuery, type ReportFormat } from './dto/report.dto';
import { contentDisposition } from './uploaded-file';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BINARY = { schema: { type: 'string', format: 'binary' } };

function formatOf(query: MonthlyReportQuery, accept: string | undefined): ReportFormat {
  if (query.format) return query.format;
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes('application/json')) return 'json';
  return 'xlsx';
}

@ApiTags('casefile')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly jurisdiction: JurisdictionService,
    private readonly reports: MonthlyReportService,
  ) {}

  @Get('monthly')
  @Roles('supervisor', 'judicial_officer')
  @ApiOperation({
    summary: '人民调解工作统计: a unit’s month as XLSX or CSV (by Accept or format=)',
    description:
      'Accepted and closed cases by source, category and tier; mediated successfully and the ' +
      'success rate; written and oral agreements; amounts; performance at follow-up; judicial ' +
      'confirmations applied for and granted; cases settled at each tier (the 小事不出网格 share); ' +
      'overdue. Months are in Beijing time. Every figure can be rebuilt from the audit trail.',
    operationId: 'monthlyReport',
  })
  @ApiHeader({
    name: 'Accept',
    required: false,
    description: `${XLSX}, text/csv or application/json`,
  })
  // A content map takes raw schemas: the $ref needs the class registered as a model.
  @ApiExtraModels(MonthlyReportResponse)
  @ApiOkResponse({
    description: 'the report',
    content: {
      [XLSX]: BINARY,
      'text/csv': { schema: { type: 'string' } },
      'application/json': { schema: { $ref: getSchemaPath(MonthlyReportResponse) } },
    },
  })
  @ApiErrors([400, 'a missing or bad unit, month or format'])
  @ApiErrors([401, 'no or a bad token'])
  @ApiErrors([403, 'not a supervisor or judicial officer of the unit’s street'])
  @ApiErrors([404, 'no such unit'])
  @Heavy('monthly report')
  async monthly(
    @CurrentUser() user: AuthUser,
    @Query() query: MonthlyReportQuery,
    @Headers('accept') accept: string | undefined,
  ): Promise<StreamableFile | MonthlyReport> {
    const report = await this.reports.report(
      await this.jurisdiction.actorFor(user),
      query.unit,
      query.month,
    );
    const format = formatOf(query, accept);
    if (format === 'json') return report;
    const bytes = format === 'csv' ? reportCsv(report) : await reportXlsx(report);
    return new StreamableFile(bytes, {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX,
      length: bytes.length,
      disposition: contentDisposition(`人民调解工作统计-${query.unit}-${query.month}.${format}`),
    });
  }
}
