import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The default and largest page of a case's audit trail or timers (the answer stays an array). */
export const TRAIL_PAGE_DEFAULT = 500;
export const TRAIL_PAGE_MAX = 1000;

/** GET /disputes/:id/events: records after `afterSeq`, oldest first, at most `limit`. */
export class EventsPageQuery {
  @ApiPropertyOptional({ default: TRAIL_PAGE_DEFAULT, maximum: TRAIL_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(TRAIL_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only records with a larger seq (the last seq you have)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  afterSeq?: number;
}

/** GET /disputes/:id/timers: soonest first, `offset` skipped, at most `limit`. */
export class TimersPageQuery {
  @ApiPropertyOptional({ default: TRAIL_PAGE_DEFAULT, maximum: TRAIL_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(TRAIL_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  offset?: number;
}
