import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LENGTHS } from '@tricolor/persistence';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { QueryBoolean } from '../http/page.query';

export class AgendaQuery {
  @ApiProperty({ minLength: 1, maxLength: LENGTHS.code, description: 'A community or street code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LENGTHS.code)
  unit: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Build a new agenda now' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'fresh must be true or false' })
  fresh?: boolean;
}

export class BuildAgendaDto {
  @ApiProperty({ minLength: 1, maxLength: LENGTHS.code, description: 'A community or street code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LENGTHS.code)
  unit: string;
}
