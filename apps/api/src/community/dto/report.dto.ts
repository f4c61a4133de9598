import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  REPORT_URGENCIES,
  type ReportCategory,
  type ReportStatus,
  type ReportUrgency,
} from '@tricolor/core';
import { LocationDto, OpenDisputeDto } from '../../disputes/dto/open-dispute.dto';
import { PageQuery, QueryBoolean } from '../../http/page.query';
import { IsBoolean } from 'class-validator';

export class ConcernedPersonDto {
  @ApiProperty({ example: '李女士' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: '370202199001011234' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{17}[0-9Xx]$/, { message: 'idNumber must be an 18-character resident ID number' })
  idNumber?: string;

  @ApiPropertyOptional({ example: 'lives alone, 78 years old' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class FileReportDto {
  @ApiProperty({ example: 'G1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  gridCode: string;

  @ApiProperty({ enum: REPORT_CATEGORIES })
  @IsIn(REPORT_CATEGORIES)
  category: ReportCategory;

  @ApiPropertyOptional({ enum: REPORT_URGENCIES, default: 'normal' })
  @IsOptional()
  @IsIn(REPORT_URGENCIES)
  urgency?: ReportUrgency;

  @ApiProperty({ example: 'A resident may have received a fraud call (claims to be the bank)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary: string;

  @ApiProperty({ example: 'Building 3, unit 2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  place: string;

  @ApiPropertyOptional({ type: [ConcernedPersonDto], description: 'Who is concerned' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ConcernedPersonDto)
  concerned?: ConcernedPersonDto[];

  @ApiPropertyOptional({ description: 'A reference to a photo kept elsewhere (an id or URL)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  photoRef?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;
}

export class ListReportsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'A day in Asia/Shanghai: the reports filed that day',
    example: '2026-11-30',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'day must be a date YYYY-MM-DD',
  })
  day?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ enum: REPORT_CATEGORIES })
  @IsOptional()
  @IsIn(REPORT_CATEGORIES)
  category?: ReportCategory;

  @ApiPropertyOptional({ description: 'A street, community or grid code' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'unit must be a unit code' })
  unit?: string;

  @ApiPropertyOptional({
    description: 'Only reports nobody looked at in time (or only the others)',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;
}

class VersionedDto {
  @ApiPropertyOptional({ description: 'The version the caller saw; a stale one is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class HandleReportDto extends VersionedDto {
  @ApiProperty({
    example: 'Visited with the grid worker; explained the fraud script (11 of 15 features).',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class AssignReportDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'A member of the community team' })
  @IsUUID()
  assigneeId: string;

  @ApiProperty({ example: 'Visit her with the community police officer tomorrow morning' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  followUp: string;
}

/** The intake form's fields to change or complete; the rest comes from the report. */
export class ConvertReportDto extends PartialType(
  OmitType(OpenDisputeDto, ['gridCode', 'linkedCaseId'] as const),
) {
  @ApiPropertyOptional({ description: 'The report version the caller saw; a stale one is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
