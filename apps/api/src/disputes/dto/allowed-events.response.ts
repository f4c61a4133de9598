import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { REFUSAL_CODES, STATUSES, type Status } from '@tricolor/workflow';
import { Integer, OneOf } from '../../http/schema-kit';
import { HTTP_EVENT_TYPES } from './event.dto';

@ApiSchema({ name: 'EventAvailability' })
export class EventAvailabilityResponse {
  @OneOf(HTTP_EVENT_TYPES)
  type: string;

  @ApiProperty({
    description: 'The caller may send it now (its payload still has to satisfy the rules)',
  })
  allowed: boolean;

  @ApiPropertyOptional({
    description:
      'Why not, in the language of `Accept-Language` (English unless Chinese is preferred)',
  })
  reason?: string;

  @ApiPropertyOptional({
    enum: REFUSAL_CODES,
    description: 'The refusal\'s stable code (docs/api.md, "Refusal codes"), beside `reason`',
    example: 'PANEL_INCOMPLETE',
  })
  code?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The values the reason names, by name (`{institutions: "court"}`)',
    example: { institutions: 'court' },
  })
  params?: Record<string, string>;
}

@ApiSchema({
  name: 'AllowedEvents',
  description: 'What the caller may send to the case now, and why the other events are refused',
})
export class AllowedEventsResponse {
  @OneOf(STATUSES)
  status: Status;

  @Integer('Send as expectedVersion', 1)
  version: number;

  @ApiProperty({ type: [String], enum: HTTP_EVENT_TYPES, description: 'The events allowed now' })
  allowed: string[];

  @ApiProperty({ type: [EventAvailabilityResponse], description: 'Every event, allowed or not' })
  events: EventAvailabilityResponse[];
}
