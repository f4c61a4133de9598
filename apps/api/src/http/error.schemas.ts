import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { REFUSAL_CODES } from '@tricolor/workflow';
import type { ErrorBody, FieldError } from './error-body';
import { FIELD_CODES } from './field-codes';

// The error shapes for the OpenAPI document; error-body.ts builds them (one shape, two views).

@ApiSchema({ name: 'FieldError', description: 'One problem with one field of the request' })
export class FieldErrorSchema implements FieldError {
  @ApiProperty({
    description: 'Dotted path of the field (`parties.1.name`); `body` for the whole body',
    example: 'parties.1.name',
    maxLength: 200,
  })
  field: string;

  @ApiProperty({ example: 'parties.1.name must be a string', maxLength: 2000 })
  message: string;

  @ApiPropertyOptional({
    enum: Object.keys(FIELD_CODES),
    description:
      'The problem\'s stable code (docs/api.md, "Field problem codes"); `INVALID_INPUT` for a ' +
      'check whose sentence says what is wrong',
    example: 'MUST_BE_TEXT',
  })
  code?: string;
}

@ApiSchema({
  name: 'ErrorBody',
  description:
    'Every error: `message` is one string for people; a 400 for bad input also lists each ' +
    'field problem in `errors`.',
})
export class ErrorBodySchema implements ErrorBody {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  statusCode: number;

  @ApiProperty({ description: 'The status text', example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'title must be a string; amount must not be less than 0' })
  message: string;

  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    maxItems: 50,
    description: 'Each field problem (on 400s for bad input), at most 50',
  })
  errors?: FieldErrorSchema[];
}

@ApiSchema({
  name: 'Refusal',
  description:
    'A 422: the event is not allowed in the current state or a guard refused it. Says why, ' +
    'and which events the caller may send now.',
})
export class RefusalSchema implements ErrorBody {
  @ApiProperty({ type: 'integer', enum: [422], example: 422 })
  statusCode: number;

  @ApiProperty({ enum: ['Unprocessable Entity'] })
  error: string;

  @ApiProperty({ example: 'CONVENE_PANEL refused: the panel needs a member from court' })
  message: string;

  @ApiProperty({ description: 'The event type that was refused', example: 'CONVENE_PANEL' })
  event: string;

  @ApiProperty({
    description:
      'Why, in the language of `Accept-Language`: English by default, Chinese for `zh-CN`',
    example: 'the panel lacks a member from: court (three offices and one court must all sit)',
  })
  reason: string;

  @ApiPropertyOptional({
    enum: REFUSAL_CODES,
    description:
      'The refusal\'s stable code (docs/api.md, "Refusal codes"): word it in your own language',
    example: 'PANEL_INCOMPLETE',
  })
  code?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The values the reason names, by name',
    example: { institutions: 'court' },
  })
  params?: Record<string, string>;

  @ApiProperty({
    type: [String],
    description: 'The events the caller may send now (GET …/allowed-events explains the rest)',
    example: ['ESCALATE', 'WITHDRAW'],
  })
  allowedEvents: string[];
}
