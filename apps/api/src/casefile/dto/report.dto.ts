import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const REPORT_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class MonthlyReportQuery {
  @ApiProperty({ description: 'a street, community or grid code', example: 'S1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  unit: string;

  @ApiProperty({ description: 'YYYY-MM, in Beijing time', example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'overrides Accept; default xlsx (json is the same figures, for integrators)',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
