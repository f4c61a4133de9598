import { ApiPropertyOptional } from '@nestjs/swagger';
import { LENGTHS } from '@tricolor/persistence';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const ISO = { strict: true, strictSeparator: true };

export class StatsQueryDto {
  @ApiPropertyOptional({ description: 'A street, community or grid code' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LENGTHS.code)
  unit?: string;

  @ApiPropertyOptional({ description: 'Cases opened at or after this ISO 8601 date or time' })
  @IsOptional()
  @IsISO8601(ISO, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Cases opened before this ISO 8601 date or time' })
  @IsOptional()
  @IsISO8601(ISO, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}
