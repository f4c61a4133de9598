import { ApiProperty } from '@nestjs/swagger';

// The shape of GET /disputes for the OpenAPI document only; the service returns a plain object.

export class DisputeListResponse {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Cases as GET /disputes/:id gives them, newest first (created_at, then id)',
  })
  items: object[];

  @ApiProperty({
    description:
      'Cases matching the filters. Exact up to 10,000 (1,000 with text); when more match it ' +
      'is that cap and totalIsExact is false. On the last page of a list paged by page it is ' +
      'always exact.',
  })
  total: number;

  @ApiProperty({ description: 'false when more cases match than total says' })
  totalIsExact: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The page asked for; null when the page was asked for with after',
  })
  page: number | null;

  @ApiProperty()
  pageSize: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as after for the cases that follow; null on the last page',
  })
  nextCursor: string | null;
}
