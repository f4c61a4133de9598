import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import type { JsonObject } from '../types';
import { UnitEntity } from './unit.entity';

/** A generated weekly joint-meeting agenda (警格+网格 例会) for a community or street. */
@Entity({ name: 'agendas' })
@Index('ix_agendas_unit_code_generated_at', ['unitCode', 'generatedAt'])
export class AgendaEntity {
  @PrimaryColumn({ type: 'varchar', length: LENGTHS.id, primaryKeyConstraintName: 'pk_agendas' })
  id: string;

  @ForeignKey(() => UnitEntity, 'code', { name: 'fk_agendas_unit_code' })
  @VarcharColumn('unit_code', LENGTHS.code)
  unitCode: string;

  @TimestampColumn('generated_at')
  generatedAt: Date;

  @JsonColumn('content')
  content: JsonObject;
}
