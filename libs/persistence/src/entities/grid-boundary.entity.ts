import { Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { JsonColumn, LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import type { JsonObject } from '../types';
import { UnitEntity } from './unit.entity';

/** A grid's boundary: a validated GeoJSON Polygon or MultiPolygon (lon/lat, WGS 84). */
@Entity({ name: 'grid_boundaries' })
@Unique('uq_grid_boundaries_grid_code', ['gridCode'])
export class GridBoundaryEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_grid_boundaries',
  })
  id: string;

  @ForeignKey(() => UnitEntity, 'code', { name: 'fk_grid_boundaries_grid_code' })
  @VarcharColumn('grid_code', LENGTHS.code)
  gridCode: string;

  @JsonColumn('geometry')
  geometry: JsonObject;

  @VarcharColumn('updated_by', LENGTHS.id)
  updatedBy: string;

  @TimestampColumn('updated_at')
  updatedAt: Date;
}
