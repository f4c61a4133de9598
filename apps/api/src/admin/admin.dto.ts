import { PlainText } from '../http/plain-text';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  Max,
  Min,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  INSTITUTIONS,
  ROLES,
  UNIT_KINDS,
  type Institution,
  type Role,
  type UnitKind,
} from '@tricolor/workflow';

const CODE = /^[A-Za-z0-9_-]{1,50}$/;
const CODE_PATTERN = '^[A-Za-z0-9_-]{1,50}$';

@ApiSchema({ name: 'CreateUnit' })
export class CreateUnitDto {
  @ApiProperty({ example: 'S-01', pattern: CODE_PATTERN })
  @Matches(CODE, { message: 'code must be 1-50 letters, digits, _ or -' })
  code: string;

  @ApiProperty({ example: '八大湖街道', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @PlainText()
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiPropertyOptional({
    pattern: CODE_PATTERN,
    description: 'Required for communities (a street) and grids (a community)',
  })
  @IsOptional()
  @Matches(CODE, { message: 'parentCode must be 1-50 letters, digits, _ or -' })
  parentCode?: string;
}

@ApiSchema({ name: 'CreateUser' })
export class CreateUserDto {
  @ApiProperty({ example: 'wang.grid', pattern: '^[A-Za-z0-9_.-]{3,50}$' })
  @Matches(/^[A-Za-z0-9_.-]{3,50}$/, { message: 'username must be 3-50 letters, digits, _ . or -' })
  username: string;

  @ApiProperty({
    minLength: 10,
    maxLength: 200,
    format: 'password',
    description: 'At least 10 characters, not the username, not a well-known one',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: '王网格员', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @PlainText()
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ pattern: CODE_PATTERN, description: 'The unit the user works in' })
  @Matches(CODE, { message: 'unitCode must be 1-50 letters, digits, _ or -' })
  unitCode: string;

  @ApiPropertyOptional({ enum: INSTITUTIONS, description: 'Required for panel members' })
  @IsOptional()
  @IsIn(INSTITUTIONS)
  institution?: Institution;
}

@ApiSchema({ name: 'LoginRequest' })
export class LoginDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username: string;

  @ApiProperty({ minLength: 1, maxLength: 200, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

/** PATCH /admin/users/:id: each field given is changed; tokens of the account stop working. */
@ApiSchema({ name: 'UpdateUserRequest' })
export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'false deactivates, true reactivates' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    minLength: 10,
    maxLength: 200,
    format: 'password',
    description: 'A reset: the new password (the same policy as on creation)',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ pattern: CODE.source, maxLength: 50, description: 'The new unit' })
  @IsOptional()
  @Matches(CODE, { message: 'unitCode must be 1-50 letters, digits, _ or -' })
  unitCode?: string;

  @ApiPropertyOptional({ enum: INSTITUTIONS, description: 'For panel members' })
  @IsOptional()
  @IsIn(INSTITUTIONS)
  institution?: Institution;
}

@ApiSchema({ name: 'ChangePasswordRequest' })
export class ChangePasswordDto {
  @ApiProperty({ minLength: 1, maxLength: 200, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({
    minLength: 10,
    maxLength: 200,
    format: 'password',
    description: 'At least 10 characters, not the username, not a well-known one',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class AccountAuditQuery {
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
