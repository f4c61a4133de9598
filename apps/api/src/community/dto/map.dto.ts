import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiSchema,
  getSchemaPath,
  type ApiPropertyOptions,
  type SchemaObject,
} from '@nestjs/swagger';
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
import { Integer } from '../../http/schema-kit';

const EXAMPLE_RING = [
  [120.38, 36.06],
  [120.39, 36.06],
  [120.39, 36.07],
  [120.38, 36.07],
  [120.38, 36.06],
];

/** The array schemas of GeoJSON's nesting (`required` left out: a property's is a boolean). */
type ArraySchema = Omit<SchemaObject, 'required'> & { type: 'array' };

/** A position as the API sends it: validated and reduced to [lon, lat] (validateBoundary). */
const LON_LAT: ArraySchema = {
  type: 'array',
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
  description: '[lon, lat] in degrees',
};

/** A Polygon's coordinates: rings of the given positions. */
const rings = (position: ArraySchema): ArraySchema => ({
  type: 'array',
  minItems: 1,
  description: 'The outer ring, then any holes',
  items: {
    type: 'array',
    minItems: 4,
    description: 'A closed linear ring: its first position again last',
    items: position,
  },
});

@ApiSchema({ name: 'Polygon', description: 'A GeoJSON Polygon in lon/lat degrees (WGS 84)' })
export class PolygonResponse {
  @ApiProperty({ enum: ['Polygon'] }) type: 'Polygon';
  @ApiProperty({ ...rings(LON_LAT), example: [EXAMPLE_RING] }) coordinates: number[][][];
}

@ApiSchema({
  name: 'MultiPolygon',
  description: 'A GeoJSON MultiPolygon in lon/lat degrees (WGS 84)',
})
export class MultiPolygonResponse {
  @ApiProperty({ enum: ['MultiPolygon'] }) type: 'MultiPolygon';

  @ApiProperty({
    type: 'array',
    items: rings(LON_LAT),
    minItems: 1,
    description: 'The polygons',
    example: [[EXAMPLE_RING]],
  })
  coordinates: number[][][][];
}

/** A boundary as stored and sent: a Polygon or a MultiPolygon, told apart by `type`. */
const GEOMETRY = {
  oneOf: [{ $ref: getSchemaPath(PolygonResponse) }, { $ref: getSchemaPath(MultiPolygonResponse) }],
  discriminator: {
    propertyName: 'type',
    mapping: {
      Polygon: getSchemaPath(PolygonResponse),
      MultiPolygon: getSchemaPath(MultiPolygonResponse),
    },
  },
};

/**
 * What PUT /admin/grids/{code}/boundary takes: looser than what is sent back, as validateBoundary
 * accepts a third number (an altitude, dropped) in a position and ignores GeoJSON's foreign
 * members (`bbox`, …); so these objects stay open, unlike the other request bodies.
 */
const INPUT_RINGS = rings({
  ...LON_LAT,
  maxItems: 3,
  description: '[lon, lat] or [lon, lat, altitude] in degrees (the altitude is dropped)',
});
const GEOMETRY_INPUT: ApiPropertyOptions = {
  description:
    'A GeoJSON Polygon or MultiPolygon in lon/lat degrees (WGS 84); at most 5,000 positions',
  oneOf: [
    {
      type: 'object',
      properties: { type: { type: 'string', enum: ['Polygon'] }, coordinates: INPUT_RINGS },
      required: ['type', 'coordinates'],
      additionalProperties: true,
    },
    {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['MultiPolygon'] },
        coordinates: { type: 'array', items: INPUT_RINGS, minItems: 1 },
      },
      required: ['type', 'coordinates'],
      additionalProperties: true,
    },
  ],
  example: { type: 'Polygon', coordinates: [EXAMPLE_RING] },
};

const BBOX = {
  type: 'array',
  items: { type: 'number' },
  minItems: 4,
  maxItems: 4,
  description: '[minLon, minLat, maxLon, maxLat]',
} as const;

export class SetBoundaryDto {
  @ApiProperty(GEOMETRY_INPUT)
  @IsObject({ message: 'geometry must be a GeoJSON geometry object' })
  geometry: object;
}

@ApiExtraModels(PolygonResponse, MultiPolygonResponse)
export class BoundaryResponse {
  @ApiProperty() gridCode: string;
  @ApiProperty(GEOMETRY) geometry: PolygonResponse | MultiPolygonResponse;
  @ApiProperty(BBOX) bbox: number[];
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

@ApiExtraModels(PolygonResponse, MultiPolygonResponse)
export class MapGridResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() communityCode: string;

  // Its `type: object`, beside `nullable`, is added by typeNullableUnions (http/openapi.ts).
  @ApiProperty({ ...GEOMETRY, nullable: true, description: 'null until one is set' })
  boundary: PolygonResponse | MultiPolygonResponse | null;

  @ApiProperty({ ...BBOX, nullable: true }) bbox: number[] | null;
  @Integer('Open cases the caller may see') openCases: number;
  @Integer() overdueCases: number;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'overdueCases / openCases (0 when none open)',
  })
  overdueShare: number;
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
