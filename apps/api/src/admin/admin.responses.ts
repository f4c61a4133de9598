import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  INSTITUTIONS,
  ROLES,
  UNIT_KINDS,
  type Institution,
  type Role,
  type UnitKind,
} from '@tricolor/workflow';
import { DateTime, NullableString, OneOf } from '../http/schema-kit';

@ApiSchema({ name: 'Unit', description: 'A street, community or grid' })
export class UnitResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'S-01' })
  code: string;

  @ApiProperty({ example: '八大湖街道' })
  name: string;

  @OneOf(UNIT_KINDS)
  kind: UnitKind;

  @NullableString('The street of a community, the community of a grid; null for a street')
  parentCode: string | null;

  @ApiProperty({ description: 'The street it is in (its own code for a street)' })
  streetCode: string;

  @NullableString('The community it is in (its own code for a community); null for a street')
  communityCode: string | null;

  @DateTime()
  createdAt: string;
}

@ApiSchema({ name: 'User', description: 'A user account (never its password)' })
export class UserResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'wang.grid' })
  username: string;

  @ApiProperty({ example: '王网格员' })
  displayName: string;

  @OneOf(ROLES)
  role: Role;

  @NullableString('The unit whose cases the user works on')
  unitCode: string | null;

  @OneOf(INSTITUTIONS, { nullable: true, description: 'Set for panel members' })
  institution: Institution | null;

  @ApiProperty({ description: 'A deactivated user cannot log in' })
  active: boolean;

  @DateTime()
  createdAt: string;
}

@ApiSchema({ name: 'Login', description: 'A bearer token and who it is for' })
export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until the token expires' })
  expiresIn: number;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}

@ApiSchema({ name: 'AccountAuditProblem', description: 'One break in the sealed chain' })
export class AccountAuditProblemResponse {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The record concerned' })
  seq: number | null;

  @ApiProperty({ example: 'its content does not match its hash' })
  problem: string;
}

@ApiSchema({ name: 'AccountAuditRecord', description: 'One account change (never a password)' })
export class AccountAuditRecordResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  seq: number;

  @DateTime()
  at: string;

  @ApiProperty({ description: 'Who made the change: a user id, or `system` (bootstrap admin)' })
  actorId: string;

  @ApiProperty()
  actorRole: string;

  @ApiProperty({
    enum: [
      'create',
      'deactivate',
      'reactivate',
      'reset_password',
      'change_role',
      'change_unit',
      'change_own_password',
      'reseal_trail',
    ],
    description: 'reseal_trail: a case trail sealed by npm run audit:reseal (targetId: the case)',
  })
  action: string;

  @ApiProperty({ description: 'The account changed (the case, for reseal_trail)' })
  targetId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed (never a password or its hash)',
  })
  details: Record<string, unknown>;

  @ApiProperty({ description: 'The AUDIT_KEYS key that sealed it' })
  keyId: string;

  @ApiProperty({ description: 'HMAC of the record and the hash before it' })
  hash: string;
}

@ApiSchema({
  name: 'AccountAudit',
  description: 'The newest account changes and whether the whole sealed chain verifies',
})
export class AccountAuditResponse {
  @ApiProperty()
  intact: boolean;

  @ApiProperty({ type: [AccountAuditProblemResponse] })
  problems: AccountAuditProblemResponse[];

  @ApiProperty({ type: [AccountAuditRecordResponse], description: 'Newest first' })
  records: AccountAuditRecordResponse[];
}
