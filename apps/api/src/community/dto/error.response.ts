import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The API's one error shape (DESIGN.md §6), for the OpenAPI document. */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'geometry.coordinates[0] is not closed' })
  message: string;

  @ApiPropertyOptional({
    description: 'On a 400: each field and its problem',
    type: 'array',
    items: {
      type: 'object',
      properties: { field: { type: 'string' }, message: { type: 'string' } },
    },
  })
  errors?: { field: string; message: string }[];
}
