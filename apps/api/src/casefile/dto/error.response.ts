import { ApiProperty } from '@nestjs/swagger';

/** The error body every failure has (DESIGN.md §6), for the case-file routes' documentation. */
export class CasefileErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'Not Found' })
  error: string;

  @ApiProperty({ example: 'dispute 8d3f… not found' })
  message: string;
}
