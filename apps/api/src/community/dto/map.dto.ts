import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsInt,
  Min,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { TIERS, type Tier } from '@tricolor/workflow';
import { LocationDto } from '../../disputes/dto/open-dispute.dto';

const GEOMETRY_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description: 'A GeoJSON Polygon or MultiPolygon in lon/lat degrees (WGS 84)',
  properties: {
    type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] },
    coordinates: { type: 'array', items: { type: 'array', items: {} } },
  },
  required: ['type', 'coordinates'],
  additionalProperties: true,
  example: {
    type: 'Polygon',
    coordinates: [
      [
        [120.38, 36.06],
        [120.39, 36.06],
        [120.39, 36.07],
        [120.38, 36.07],
        [120.38, 36.06],
      ],
    ],
  },
};

export class SetBoundaryDto {
  @ApiProperty(GEOMETRY_SCHEMA)
  @IsObject({ message: 'geometry must be a GeoJSON geometry object' })
  geometry: object;
}

export class BoundaryResponse {
  @ApiProperty() gridCode: string;
  @ApiProperty(GEOMETRY_SCHEMA) geometry: object;
  @ApiProperty({ type: [Number], description: '[minLon, minLat, maxLon, maxLat]' }) bbox: number[];
  @ApiProperty() updatedBy: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MapQuery {
  @ApiPropertyOptional({
    description: "The street code; the caller's own street when left out (admins must name one)",
    example: 'S1',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'street must be a unit code' })
  street?: string;

  @ApiPropertyOptional({ enum: TIERS, description: 'Case points at this tier (reports have none)' })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ description: "A case's or a report's category" })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Opened or filed at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be a date-time' })
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Opened or filed before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be a date-time' })
  to?: Date;
}

export class MapGridResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() communityCode: string;
  @ApiProperty({ ...GEOMETRY_SCHEMA, nullable: true }) boundary: object | null;
  @ApiProperty({ type: [Number], nullable: true }) bbox: number[] | null;
  @ApiProperty({ description: 'Open cases the caller may see' }) openCases: number;
  @ApiProperty() overdueCases: number;
  @ApiProperty({ description: 'overdueCases / openCases (0 when none open)' }) overdueShare: number;
}

export class MapCasePointResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: TIERS }) tier: string;
  @ApiProperty() status: string;
  @ApiProperty() category: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() gridCode: string;
  @ApiProperty() lon: number;
  @ApiProperty() lat: number;
}

export class MapReportPointResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() category: string;
  @ApiProperty() urgency: string;
  @ApiProperty() status: string;
  @ApiProperty() gridCode: string;
  @ApiProperty() lon: number;
  @ApiProperty() lat: number;
}

export class MapStreetResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class MapDataResponse {
  @ApiProperty({ type: MapStreetResponse }) street: MapStreetResponse;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [MapGridResponse] }) grids: MapGridResponse[];
  @ApiProperty({ type: [MapCasePointResponse] }) cases: MapCasePointResponse[];
  @ApiProperty({ type: [MapReportPointResponse] }) reports: MapReportPointResponse[];
  @ApiProperty({ description: 'More points matched than the 5,000 sent of a kind' })
  truncated: boolean;
}

export class SetCaseLocationDto extends LocationDto {
  @ApiPropertyOptional({ description: 'The case version the caller saw; a stale one is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
