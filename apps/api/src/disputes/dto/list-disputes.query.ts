import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { STATUSES, TIERS, type Status, type Tier } from '@tricolor/workflow';
import { PageQuery, QueryBoolean } from '../../http/page.query';

export class ListDisputesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: Status;

  @ApiPropertyOptional({ maxLength: 50, description: 'A street, community or grid code' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only cases flagged overdue (or not)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Searched in title, description and reference',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    pattern: '^[A-Za-z0-9_-]+$',
    description:
      'The nextCursor of the previous page: the cases after it, newest first. Stays fast at any ' +
      'depth, unlike page; not with page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be a nextCursor from this list' })
  after?: string;
}
