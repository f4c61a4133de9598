import { Injectable } from '@nestjs/common';
import {
  CommunityReportEntity,
  DisputeEntity,
  GridBoundaryEntity,
  HeavyReads,
  TransactionRunner,
  UnitEntity,
  newId,
} from '@tricolor/persistence';
import type { Actor, Tier } from '@tricolor/workflow';
import { In } from 'typeorm';
import { yieldToOthers } from '../yield-to-others';
import { asRow } from '../as-row';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { bboxOf, validateBoundary, type BoundaryGeometry } from './rules/geojson';
import { reportScope } from './rules/report-access';
import { byCreation } from '../disputes/by-creation';

export interface BoundaryView {
  gridCode: string;
  geometry: BoundaryGeometry;
  bbox: [number, number, number, number];
  updatedBy: string;
  updatedAt: string;
}

export interface MapFilter {
  tier?: Tier;
  category?: string;
  /** Points opened or filed at or after this instant. */
  from?: Date;
  /** Points opened or filed before this instant. */
  to?: Date;
}

export interface MapGrid {
  code: string;
  name: string;
  communityCode: string;
  boundary: BoundaryGeometry | null;
  bbox: [number, number, number, number] | null;
  openCases: number;
  overdueCases: number;
  /** overdueCases / openCases, 0 when nothing is open. */
  overdueShare: number;
}

export interface MapCasePoint {
  id: string;
  reference: string;
  tier: Tier;
  status: string;
  category: string;
  overdue: boolean;
  gridCode: string;
  lon: number;
  lat: number;
}

export interface MapReportPoint {
  id: string;
  reference: string;
  category: string;
  urgency: string;
  status: string;
  gridCode: string;
  lon: number;
  lat: number;
}

export interface MapData {
  street: { code: string; name: string };
  generatedAt: string;
  grids: MapGrid[];
  cases: MapCasePoint[];
  reports: MapReportPoint[];
  /** True when more points matched than MAX_POINTS of a kind: narrow the filter. */
  truncated: boolean;
}

/** Points of each kind in one answer; a street map shows far fewer legibly. */
export const MAX_POINTS = 5_000;

/** Case points read at a time. */
const POINT_PAGE = 500;

const POINT_COLUMNS = [
  'd.id',
  'd.reference',
  'd.tier',
  'd.status',
  'd.category',
  'd.overdue',
  'd.nextDeadlineAt',
  'd.gridCode',
  'd.lon',
  'd.lat',
  'd.createdAt',
];

/** The one map of community elements (社区要素一张图): grid boundaries, counts and points. */
@Injectable()
export class MapService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly heavy: HeavyReads,
  ) {}

  async setBoundary(
    actor: Actor,
    gridCode: string,
    geometry: unknown,
    at = new Date(),
  ): Promise<BoundaryView> {
    const grid = await this.jurisdiction.placeOf(gridCode);
    if (!grid || grid.kind !== 'grid') throw NotFoundError.of('grid', gridCode);
    if (!(
      actor.role === 'admin' ||
      (actor.role === 'supervisor' && actor.streetCode === grid.streetCode)
    )) {
      throw new ForbiddenError(
        `only the admin or a supervisor of street ${grid.streetCode} draws this grid`,
      );
    }
    const verdict = validateBoundary(geometry);
    if (!verdict.ok) throw new InvalidInputError(verdict.problem.field, verdict.problem.problem);
    await this.tx.run(async (m) => {
      const existing = await m.findOne(GridBoundaryEntity, { where: { gridCode } });
      if (existing) {
        await m.update(
          GridBoundaryEntity,
          { id: existing.id },
          asRow<GridBoundaryEntity>({
            ...existing,
            geometry: verdict.geometry,
            updatedBy: actor.id,
            updatedAt: at,
          }),
        );
      } else {
        await m.insert(
          GridBoundaryEntity,
          asRow<GridBoundaryEntity>({
            id: newId(),
            gridCode,
            geometry: verdict.geometry,
            updatedBy: actor.id,
            updatedAt: at,
          }),
        );
      }
    });
    return {
      gridCode,
      geometry: verdict.geometry,
      bbox: bboxOf(verdict.geometry),
      updatedBy: actor.id,
      updatedAt: at.toISOString(),
    };
  }

  /**
   * A street's map as the caller may see it: every grid's boundary, with counts and points
   * only of the cases and reports in the caller's jurisdiction, so coordinates reach only those
   * who may see the case (or report).
   */
  async mapData(
    actor: Actor,
    streetCode: string,
    filter: MapFilter,
    now = new Date(),
  ): Promise<MapData> {
    const street = await this.jurisdiction.placeOf(streetCode);
    if (!street || street.kind !== 'street') throw NotFoundError.of('street', streetCode);
    if (actor.role !== 'admin' && actor.streetCode !== street.code) {
      throw NotFoundError.of('street', streetCode);
    }
    // Not in a transaction: on SQLite one would hold everyone's writes while the map pages; and
    // there on the read thread, so that its scans hold neither the API's thread nor its connection.
    const m = this.heavy.manager();
    const unit = await m.findOneOrFail(UnitEntity, { where: { code: street.code } });
    const grids = await m.find(UnitEntity, {
      where: { kind: 'grid', streetCode: street.code },
      order: { code: 'ASC' },
    });
    const boundaries = new Map(
      (grids.length
        ? await m.find(GridBoundaryEntity, { where: { gridCode: In(grids.map((g) => g.code)) } })
        : []
      ).map((b) => [b.gridCode, b.geometry as BoundaryGeometry]),
    );

    const counting = this.jurisdiction
      .scope(m.createQueryBuilder(DisputeEntity, 'd'), actor)
      .select('d.grid_code', 'grid')
      .addSelect('COUNT(*)', 'open')
      .addSelect(
        'SUM(CASE WHEN d.overdue OR (d.next_deadline_at IS NOT NULL AND d.next_deadline_at < :now) THEN 1 ELSE 0 END)',
        'overdue',
      )
      .andWhere('d.street_code = :street', { street: street.code, now })
      .andWhere(`d.status <> 'closed'`)
      .groupBy('d.grid_code');
    const counts = new Map(
      (
        await counting.getRawMany<{
          grid: string;
          open: string | number;
          overdue: string | number;
        }>()
      ).map((r) => [r.grid, { open: Number(r.open), overdue: Number(r.overdue) }]),
    );

    // Only the columns a point shows (not the snapshot, not the encrypted parties), a page at
    // a time with the event loop yielded between pages: 5,000 whole cases read at once held
    // the API's thread for about a second (issue 9, finding 6).
    const caseRows: DisputeEntity[] = [];
    let after: string | null = null;
    while (caseRows.length <= MAX_POINTS) {
      const cases = this.jurisdiction
        .scope(m.createQueryBuilder(DisputeEntity, 'd'), actor)
        .select(POINT_COLUMNS)
        .andWhere('d.street_code = :street', { street: street.code })
        .andWhere('d.lon IS NOT NULL AND d.lat IS NOT NULL');
      if (filter.tier) cases.andWhere('d.tier = :tier', { tier: filter.tier });
      if (filter.category) cases.andWhere('d.category = :category', { category: filter.category });
      if (filter.from) cases.andWhere('d.created_at >= :from', { from: filter.from });
      if (filter.to) cases.andWhere('d.created_at < :to', { to: filter.to });
      const page = await byCreation(cases, 'DESC', after)
        .limit(Math.min(POINT_PAGE, MAX_POINTS + 1 - caseRows.length))
        .getMany();
      caseRows.push(...page);
      if (page.length < POINT_PAGE) break;
      after = page[page.length - 1].id;
      await yieldToOthers();
    }

    const reports = m
      .createQueryBuilder(CommunityReportEntity, 'r')
      .where('r.street_code = :street', { street: street.code })
      .andWhere('r.lon IS NOT NULL AND r.lat IS NOT NULL');
    const scope = reportScope(actor);
    if (scope) reports.andWhere(scope.sql, scope.params);
    if (filter.category) reports.andWhere('r.category = :category', { category: filter.category });
    if (filter.from) reports.andWhere('r.created_at >= :from', { from: filter.from });
    if (filter.to) reports.andWhere('r.created_at < :to', { to: filter.to });
    const reportRows = await reports
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(MAX_POINTS + 1)
      .getMany();

    return {
      street: { code: unit.code, name: unit.name },
      generatedAt: now.toISOString(),
      grids: grids.map((g): MapGrid => {
        const boundary = boundaries.get(g.code) ?? null;
        const c = counts.get(g.code) ?? { open: 0, overdue: 0 };
        return {
          code: g.code,
          name: g.name,
          communityCode: g.communityCode ?? '',
          boundary,
          bbox: boundary ? bboxOf(boundary) : null,
          openCases: c.open,
          overdueCases: c.overdue,
          overdueShare: c.open === 0 ? 0 : c.overdue / c.open,
        };
      }),
      cases: caseRows.slice(0, MAX_POINTS).map((d) => ({
        id: d.id,
        reference: d.reference,
        tier: d.tier,
        status: d.status,
        category: d.category,
        overdue:
          d.overdue || (d.nextDeadlineAt !== null && d.nextDeadlineAt.getTime() < now.getTime()),
        gridCode: d.gridCode,
        lon: d.lon as number,
        lat: d.lat as number,
      })),
      reports: reportRows.slice(0, MAX_POINTS).map((r) => ({
        id: r.id,
        reference: r.reference,
        category: r.category,
        urgency: r.urgency,
        status: r.status,
        gridCode: r.gridCode,
        lon: r.lon as number,
        lat: r.lat as number,
      })),
      truncated: caseRows.length > MAX_POINTS || reportRows.length > MAX_POINTS,
    };
  }
}

/** Thrown nowhere else: a period must run forwards. */
export function checkPeriod(from: Date | undefined, to: Date | undefined): void {
  if (from && to && from.getTime() >= to.getTime()) {
    throw new InvalidInputError('to', 'must be after from');
  }
}
