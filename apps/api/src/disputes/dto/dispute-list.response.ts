import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DisputeResponse } from './dispute.response';

@ApiSchema({ name: 'DisputeList', description: 'One page of cases, newest first' })
export class DisputeListResponse {
  @ApiProperty({
    type: [DisputeResponse],
    description: 'Cases as GET /disputes/{id} gives them, newest first (created_at, then id)',
  })
  items: DisputeResponse[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'Cases matching the filters. Exact up to 10,000 (1,000 with text); when more match it ' +
      'is that cap and totalIsExact is false. On the last page of a list paged by page it is ' +
      'always exact. A text search whose page was found among the newest 2,000 cases counts ' +
      'the matches among them: a floor, with totalIsExact false (docs/api.md).',
  })
  total: number;

  @ApiProperty({ description: 'false when total is a floor: more cases may match than it says' })
  totalIsExact: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'The page asked for; null when the page was asked for with after',
  })
  page: number | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200 })
  pageSize: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as after for the cases that follow; null on the last page',
  })
  nextCursor: string | null;
}
