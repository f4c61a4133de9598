import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LENGTHS } from '@tricolor/persistence';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class AgendaQuery {
  @ApiProperty({ description: 'A community or street code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LENGTHS.code)
  unit: string;

  @ApiPropertyOptional({ default: false, description: 'Build a new agenda now' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'fresh must be true or false' })
  fresh?: boolean;
}
