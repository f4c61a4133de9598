import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  IsIn,
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

  @ApiProperty({ minLength: 8, maxLength: 200, format: 'password' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: '王网格员', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
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
