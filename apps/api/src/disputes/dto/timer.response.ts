import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DateTime, NullableDateTime, NullableString, OneOf } from '../../http/schema-kit';
import { TIMER_KINDS } from './dispute.response';

@ApiSchema({
  name: 'Timer',
  description: 'A deadline, reminder or follow-up of the case: the database row is the truth',
})
export class TimerResponse {
  @ApiProperty()
  id: string;

  @ApiProperty()
  disputeId: string;

  @OneOf(TIMER_KINDS)
  kind: string;

  @OneOf(['DEADLINE_EXPIRED', 'FOLLOW_UP_DUE'], {
    nullable: true,
    description: 'The event it sends when it fires; null for timers that only notify',
  })
  fires: string | null;

  @DateTime()
  dueAt: string;

  @OneOf(['scheduled', 'fired', 'cancelled'])
  status: 'scheduled' | 'fired' | 'cancelled';

  @ApiProperty({ description: 'The state (and visit) it was set for' })
  statePath: string;

  @DateTime()
  createdAt: string;

  @NullableDateTime()
  firedAt: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'How late it fired, in milliseconds',
  })
  latenessMs: number | null;

  @NullableString('Why it was cancelled (the state was left, the case suspended, …)')
  cancelReason: string | null;
}
