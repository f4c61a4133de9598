import { Injectable } from '@nestjs/common';
import {
  CommunityReportEntity,
  CommunityReportEventEntity,
  TeamMemberEntity,
  TransactionRunner,
  newId,
} from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { asRow } from '../as-row';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors';
import type { DisputeView } from '../disputes/dispute-view';
import { OpenDisputeService } from '../disputes/open-dispute.service';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { intakePrefill } from './intake-prefill';
import type {
  ConvertOverrides,
  FileReportCommand,
  IntakeCheck,
  IntakePrefill,
  ListReportsFilter,
} from './report-commands';
import { appendReportEvent, changeReport } from './report-trail';
import {
  discloseConcerned,
  toReportEventView,
  toReportView,
  type ReportEventView,
  type ReportView,
} from './report-view';
import {
  actRefusal,
  disclosureFor,
  fileRefusal,
  maySeeReport,
  reportScope,
} from './rules/report-access';
import { reviewDueAt } from './rules/review-due';

export interface ReportPage {
  items: ReportView[];
  total: number;
  page: number;
  pageSize: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// The queue: the most urgent first, then the oldest.
const URGENCY_ORDER = `CASE r.urgency WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

/** 社情 reports: filed by the grid, worked by the community police room (issue 15). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly opening: OpenDisputeService,
  ) {}

  async file(actor: Actor, cmd: FileReportCommand, at = new Date()): Promise<ReportView> {
    const grid = await this.jurisdiction.placeOf(cmd.gridCode);
    if (!grid || grid.kind !== 'grid') {
      throw new InvalidInputError('gridCode', `${cmd.gridCode} is not a known grid`);
    }
    const place = {
      gridCode: grid.code,
      communityCode: grid.communityCode ?? '',
      streetCode: grid.streetCode,
    };
    const refusal = fileRefusal(actor, place);
    if (refusal) throw new ForbiddenError(refusal);
    const id = newId();
    const report: CommunityReportEntity = {
      id,
      reference: referenceFor(id, at),
      ...place,
      category: cmd.category,
      urgency: cmd.urgency ?? 'normal',
      summary: cmd.summary,
      place: cmd.place,
      concerned: cmd.concerned ?? [],
      photoRef: cmd.photoRef ?? null,
      lon: cmd.location?.lon ?? null,
      lat: cmd.location?.lat ?? null,
      status: 'open',
      filedBy: actor.id,
      createdAt: at,
      reviewDueAt: reviewDueAt(at),
      lookedAt: null,
      lookedBy: null,
      handledAt: null,
      handledBy: null,
      handlingNote: null,
      assigneeId: null,
      followUp: null,
      disputeId: null,
      overdueFlaggedAt: null,
      version: 1,
      updatedAt: at,
    };
    await this.tx.run(async (m) => {
      await m.insert(CommunityReportEntity, asRow(report));
      await appendReportEvent(m, id, 1, {
        type: 'FILED',
        actorId: actor.id,
        actorRole: actor.role,
        payload: {
          category: report.category,
          urgency: report.urgency,
          gridCode: report.gridCode,
          concernedCount: report.concerned.length,
          located: report.lon !== null,
        },
        at,
      });
    });
    return toReportView(report, actor, at);
  }

  /** The queue: reports in the caller's jurisdiction, most urgent and then oldest first. */
  async list(actor: Actor, filter: ListReportsFilter, now = new Date()): Promise<ReportPage> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    return this.tx.run(async (m) => {
      const qb = m.createQueryBuilder(CommunityReportEntity, 'r');
      const scope = reportScope(actor);
      if (scope) qb.andWhere(scope.sql, scope.params);
      if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
      if (filter.category) qb.andWhere('r.category = :category', { category: filter.category });
      if (filter.unit) {
        const unit = await this.jurisdiction.placeOf(filter.unit);
        if (!unit) throw new InvalidInputError('unit', `${filter.unit} is not a known unit`);
        const column = { street: 'street_code', community: 'community_code', grid: 'grid_code' }[
          unit.kind
        ];
        qb.andWhere(`r.${column} = :unitCode`, { unitCode: unit.code });
      }
      if (filter.day) {
        const midnight = Date.parse(`${filter.day}T00:00:00Z`);
        // Date.parse rolls 2026-02-31 over into March instead of refusing it.
        if (
          Number.isNaN(midnight) ||
          new Date(midnight).toISOString().slice(0, 10) !== filter.day
        ) {
          throw new InvalidInputError('day', `${filter.day} is not a calendar date`);
        }
        const start = new Date(midnight - SHANGHAI_OFFSET_MS);
        qb.andWhere('r.created_at >= :dayStart AND r.created_at < :dayEnd', {
          dayStart: start,
          dayEnd: new Date(start.getTime() + 86_400_000),
        });
      }
      if (filter.overdue !== undefined) {
        qb.andWhere(
          filter.overdue
            ? `(r.status = 'open' AND r.looked_at IS NULL AND r.review_due_at <= :now)`
            : `NOT (r.status = 'open' AND r.looked_at IS NULL AND r.review_due_at <= :now)`,
          { now },
        );
      }
      const total = await qb.getCount();
      const rows = await qb
        .addSelect(URGENCY_ORDER, 'urgency_rank')
        .orderBy('urgency_rank', 'ASC')
        .addOrderBy('r.created_at', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getMany();
      return { items: rows.map((r) => toReportView(r, actor, now)), total, page, pageSize };
    });
  }

  async get(actor: Actor, id: string, now = new Date()): Promise<ReportView> {
    return toReportView(await this.tx.run((m) => this.load(m, actor, id)), actor, now);
  }

  async events(actor: Actor, id: string): Promise<ReportEventView[]> {
    return this.tx.run(async (m) => {
      await this.load(m, actor, id);
      const rows = await m.find(CommunityReportEventEntity, {
        where: { reportId: id },
        order: { seq: 'ASC' },
      });
      return rows.map((e) => toReportEventView(e, actor));
    });
  }

  /** Closes the report with a note: nothing more to do, or done on the spot. */
  async handle(
    actor: Actor,
    id: string,
    note: string,
    expectedVersion?: number,
    at = new Date(),
  ): Promise<ReportView> {
    const updated = await this.tx.run(async (m) => {
      const report = await this.loadOpenForWork(m, actor, id, expectedVersion);
      return changeReport(
        m,
        report,
        {
          status: 'handled',
          handledAt: at,
          handledBy: actor.id,
          handlingNote: note,
          ...looked(report, actor, at),
        },
        { type: 'HANDLED', actorId: actor.id, actorRole: actor.role, payload: { note }, at },
      );
    });
    return toReportView(updated, actor, at);
  }

  /** Hands the follow-up to a member of the community's team; the report stays open. */
  async assign(
    actor: Actor,
    id: string,
    assigneeId: string,
    followUp: string,
    expectedVersion?: number,
    at = new Date(),
  ): Promise<ReportView> {
    const updated = await this.tx.run(async (m) => {
      const report = await this.loadOpenForWork(m, actor, id, expectedVersion);
      const member = await m.findOne(TeamMemberEntity, {
        where: { communityCode: report.communityCode, userId: assigneeId },
      });
      if (!member) {
        throw new InvalidInputError(
          'assigneeId',
          `is not a member of the team of community ${report.communityCode}`,
        );
      }
      return changeReport(
        m,
        report,
        { assigneeId, followUp, ...looked(report, actor, at) },
        {
          type: 'ASSIGNED',
          actorId: actor.id,
          actorRole: actor.role,
          payload: { assigneeId, teamRole: member.teamRole, followUp },
          at,
        },
      );
    });
    return toReportView(updated, actor, at);
  }

  /** The intake form filled in from the report, as much of it as the caller may read. */
  async prefill(actor: Actor, id: string): Promise<IntakePrefill> {
    const report = await this.tx.run((m) => this.load(m, actor, id));
    const disclosure = disclosureFor(actor, report);
    return intakePrefill({ ...report, concerned: discloseConcerned(report.concerned, disclosure) });
  }

  /**
   * Turns the report into a dispute in one step: the pre-filled intake form with the caller's
   * changes goes through the one open path (same checks, same audit record, which names the
   * report), and the report is marked converted in the same transaction.
   */
  async convert(
    actor: Actor,
    id: string,
    overrides: ConvertOverrides,
    check: IntakeCheck,
    expectedVersion?: number,
    at = new Date(),
  ): Promise<{ report: ReportView; dispute: DisputeView }> {
    const report = await this.tx.run((m) => this.loadOpenForWork(m, actor, id, expectedVersion));
    const form = await check({ ...intakePrefill(report), ...overrides, gridCode: report.gridCode });
    let converted: CommunityReportEntity = report;
    const dispute = await this.opening.open(
      actor,
      { ...form, reportId: report.id },
      at,
      async (m, opened) => {
        converted = await changeReport(
          m,
          report,
          { status: 'converted', disputeId: opened.id, ...looked(report, actor, at) },
          {
            type: 'CONVERTED',
            actorId: actor.id,
            actorRole: actor.role,
            payload: { disputeId: opened.id, disputeReference: opened.reference },
            at,
          },
        );
      },
    );
    return { report: toReportView(converted, actor, at), dispute };
  }

  /** The report if the caller may see it; otherwise it does not exist for them (404). */
  private async load(m: EntityManager, actor: Actor, id: string): Promise<CommunityReportEntity> {
    const report = await m.findOne(CommunityReportEntity, { where: { id } });
    if (!report || !maySeeReport(actor, report)) throw NotFoundError.of('report', id);
    return report;
  }

  private async loadOpenForWork(
    m: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<CommunityReportEntity> {
    const report = await this.load(m, actor, id);
    const refusal = actRefusal(actor, report);
    if (refusal) throw new ForbiddenError(refusal);
    if (expectedVersion !== undefined && expectedVersion !== report.version) {
      throw new ConflictError(
        `stale version: expected ${expectedVersion}, the report is at ${report.version}`,
      );
    }
    if (report.status !== 'open') {
      throw new ConflictError(`report ${report.reference} is already ${report.status}`);
    }
    return report;
  }
}

/** The first action on a report is when it was looked at. */
function looked(
  report: CommunityReportEntity,
  actor: Actor,
  at: Date,
): Pick<CommunityReportEntity, 'lookedAt' | 'lookedBy'> {
  return report.lookedAt
    ? { lookedAt: report.lookedAt, lookedBy: report.lookedBy }
    : { lookedAt: at, lookedBy: actor.id };
}

function referenceFor(id: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `SQ-${day}-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
