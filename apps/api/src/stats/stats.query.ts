import { ApiPropertyOptional } from '@nestjs/swagger';
import { LENGTHS } from '@tricolor/persistence';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const ISO = { strict: true, strictSeparator: true };

export class StatsQueryDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: LENGTHS.code,
    description: 'A street, community or grid code',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LENGTHS.code)
  unit?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Cases opened at or after this ISO 8601 date or date-time',
  })
  @IsOptional()
  @IsISO8601(ISO, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-02-01T00:00:00Z',
    description: 'Cases opened before this ISO 8601 date or date-time',
  })
  @IsOptional()
  @IsISO8601(ISO, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}
