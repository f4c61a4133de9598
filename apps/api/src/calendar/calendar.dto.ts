import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class PutCalendarYearDto {
  @ApiProperty({ type: [String], example: ['2027-01-01'], description: 'Days off (YYYY-MM-DD)' })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DAY, { each: true, message: 'holidays must be YYYY-MM-DD dates' })
  holidays: string[];

  @ApiProperty({
    type: [String],
    example: ['2027-02-06'],
    description: 'Make-up working days (调休): Saturdays or Sundays that are worked',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DAY, { each: true, message: 'makeUpDays must be YYYY-MM-DD dates' })
  makeUpDays: string[];

  @ApiPropertyOptional({
    example: '国办发明电〔2026〕x号',
    description: 'Where the data comes from',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;
}

export class ImportIcsDto {
  @ApiProperty({ description: 'The text of an iCalendar (.ics) file' })
  @IsString()
  @MaxLength(1_000_000)
  ics: string;

  @ApiPropertyOptional({ example: 'china-holidays.ics' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;
}

export class WorkingPeriodResponse {
  @ApiProperty({ example: '08:30' }) start: string;
  @ApiProperty({ example: '12:00' }) end: string;
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: [String] }) holidays: string[];
  @ApiProperty({ type: [String] }) makeUpDays: string[];
  @ApiPropertyOptional() source?: string;
  @ApiProperty({ enum: ['official', 'edited'] }) origin: 'official' | 'edited';
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) updatedBy: string | null;
}

export class CalendarResponse {
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ example: 480 }) utcOffsetMinutes: number;
  @ApiProperty({ type: [WorkingPeriodResponse] }) workingHours: WorkingPeriodResponse[];
  @ApiProperty({ type: [Number], example: [2025, 2026] }) coveredYears: number[];
  @ApiProperty({ type: [CalendarYearResponse] }) years: CalendarYearResponse[];
}

export class RetimingResponse {
  @ApiProperty({ example: 'calendar-retime-2026-1764547200000' }) jobId: string;
  @ApiProperty({
    description:
      'Queued now; false when the queue was away, and the worker queues it within a reconcile interval',
  })
  queued: boolean;
}

export class CalendarEditResponse {
  @ApiProperty({ type: CalendarYearResponse }) year: CalendarYearResponse;
  @ApiProperty({
    type: RetimingResponse,
    description:
      'The background job that counts the open deadlines again; each timer it moves is ' +
      'recorded on its case as DEADLINE_RETIMED',
  })
  retiming: RetimingResponse;
}
