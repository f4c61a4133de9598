import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { STATUSES, type Status } from '@tricolor/workflow';
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

  @ApiPropertyOptional({ description: 'Why not, or what the payload must satisfy' })
  reason?: string;
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
