import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LENGTHS } from '@tricolor/persistence';
import { Type } from 'class-transformer';
import { AGENDA_LIST_CAP } from '@tricolor/core';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { QueryBoolean } from '../http/page.query';

/** Items of each agenda list answered when no limit is asked for. */
export const AGENDA_PAGE_DEFAULT = 200;

export class AgendaQuery {
  @ApiProperty({ minLength: 1, maxLength: LENGTHS.code, description: 'A community or street code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LENGTHS.code)
  unit: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Build a new agenda now' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'fresh must be true or false' })
  fresh?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: AGENDA_LIST_CAP,
    default: AGENDA_PAGE_DEFAULT,
    description: 'At most this many items of each list (per community on a street agenda)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AGENDA_LIST_CAP)
  limit?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: AGENDA_LIST_CAP,
    default: 0,
    description: 'Skip this many items of each list (the next page: offset + limit)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(AGENDA_LIST_CAP)
  offset?: number;
}

export class BuildAgendaDto {
  @ApiProperty({ minLength: 1, maxLength: LENGTHS.code, description: 'A community or street code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LENGTHS.code)
  unit: string;
}
