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

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}
