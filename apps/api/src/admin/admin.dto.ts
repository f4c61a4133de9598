import { PlainText } from '../http/plain-text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class CreateUnitDto {
  @ApiProperty({ example: 'S-01' })
  @Matches(CODE, { message: 'code must be 1-50 letters, digits, _ or -' })
  code: string;

  @ApiProperty({ example: '八大湖街道' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @PlainText()
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiPropertyOptional({
    description: 'Required for communities (a street) and grids (a community)',
  })
  @IsOptional()
  @Matches(CODE, { message: 'parentCode must be 1-50 letters, digits, _ or -' })
  parentCode?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'wang.grid' })
  @Matches(/^[A-Za-z0-9_.-]{3,50}$/, { message: 'username must be 3-50 letters, digits, _ . or -' })
  username: string;

  @ApiProperty({ description: 'At least 10 characters, not the username, not a well-known one' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @PlainText()
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty()
  @Matches(CODE, { message: 'unitCode must be 1-50 letters, digits, _ or -' })
  unitCode: string;

  @ApiPropertyOptional({ enum: INSTITUTIONS, description: 'Required for panel members' })
  @IsOptional()
  @IsIn(INSTITUTIONS)
  institution?: Institution;
}

export class LoginDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) username: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

/** PATCH /admin/users/:id: each field given is changed; tokens of the account stop working. */
export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'false deactivates, true reactivates' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'A reset: the new password' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE, { message: 'unitCode must be 1-50 letters, digits, _ or -' })
  unitCode?: string;

  @ApiPropertyOptional({ enum: INSTITUTIONS, description: 'For panel members' })
  @IsOptional()
  @IsIn(INSTITUTIONS)
  institution?: Institution;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) currentPassword: string;

  @ApiProperty({ description: 'At least 10 characters, not the username, not a well-known one' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class AccountAuditQuery {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
