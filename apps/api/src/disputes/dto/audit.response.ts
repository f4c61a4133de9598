import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { STATUSES, TIERS, type Status, type Tier } from '@tricolor/workflow';
import { DateTime, Integer, NullableString, OneOf } from '../../http/schema-kit';

@ApiSchema({
  name: 'AuditRecord',
  description:
    'One record of the audit trail. `hash` is an HMAC-SHA-256 (under the AUDIT_KEYS key `keyId`) ' +
    'over `prevHash` and the canonical JSON of the record, so each record seals the ones before it.',
})
export class AuditRecordResponse {
  @ApiProperty()
  id: string;

  @ApiProperty()
  disputeId: string;

  @Integer('1-based position in the trail', 1)
  seq: number;

  @ApiProperty({ description: 'The event type, or OPEN for the record that opened the case' })
  type: string;

  @ApiProperty({ description: 'A user id, or `system` for timer events' })
  actorId: string;

  @ApiProperty()
  actorRole: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event as sent (its payload fields), or the opening details',
  })
  payload: Record<string, unknown>;

  @OneOf(STATUSES, { nullable: true, description: 'Null on the record that opened the case' })
  fromStatus: Status | null;

  @OneOf(STATUSES)
  toStatus: Status;

  @OneOf(TIERS, { nullable: true })
  fromTier: Tier | null;

  @OneOf(TIERS)
  toTier: Tier;

  @DateTime()
  at: string;

  @Integer('The statechart version that handled it', 1)
  machineVersion: number;

  @NullableString('The Idempotency-Key it was sent with')
  idempotencyKey: string | null;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  prevHash: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  hash: string;

  @ApiProperty({ description: 'The AUDIT_KEYS key id that sealed the record' })
  keyId: string;
}

@ApiSchema({ name: 'ChainBreak' })
export class ChainBreakResponse {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'The record concerned; null for a problem of the case row or the whole trail',
  })
  seq: number | null;

  @ApiProperty({ example: 'its content does not match its hash' })
  problem: string;
}

@ApiSchema({ name: 'AuditVerification', description: "Whether the case's trail is intact" })
export class AuditVerificationResponse {
  @ApiProperty()
  disputeId: string;

  @ApiProperty()
  intact: boolean;

  @Integer('How many records were checked')
  records: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: "The case's version, checked against its trail",
  })
  version?: number;

  @ApiPropertyOptional({
    type: ChainBreakResponse,
    description: 'The first problem, when the chain is broken (kept for older clients)',
  })
  brokenAt?: ChainBreakResponse;

  @ApiPropertyOptional({
    type: [ChainBreakResponse],
    description: 'Every problem found, oldest record first (at most 50); absent when intact',
  })
  problems?: ChainBreakResponse[];
}
