import { Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn, LENGTHS, TimestampColumn, VarcharColumn } from '../columns';

/** One year of the business calendar as an admin set it; it replaces the shipped year. */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_calendar_years' })
  year: number;

  /** `YYYY-MM-DD` days off. */
  @JsonColumn('holidays')
  holidays: string[];

  /** `YYYY-MM-DD` weekend days that are working days (调休). */
  @JsonColumn('make_up_days')
  makeUpDays: string[];

  @VarcharColumn('source', LENGTHS.name, { nullable: true })
  source: string | null;

  @VarcharColumn('updated_by', LENGTHS.id, { nullable: true })
  updatedBy: string | null;

  @TimestampColumn('updated_at')
  updatedAt: Date;

  /** When the deadlines were counted again after this edit; null while that is still to do. */
  @TimestampColumn('retimed_at', { nullable: true })
  retimedAt: Date | null;
}
