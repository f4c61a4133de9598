import { Injectable } from '@nestjs/common';
import {
  AgreementEntity,
  DisputeEntity,
  DisputeEventEntity,
  HeavyReads,
} from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import { In, type EntityManager } from 'typeorm';
import { yieldToOthers } from '../../yield-to-others';
import { ForbiddenError, NotFoundError } from '../../domain-errors';
import { JurisdictionService } from '../../jurisdiction/jurisdiction.service';
import {
  MONTHLY_REPORT_EVENT_TYPES,
  aggregateMonthly,
  monthWindow,
  type MonthlyReport,
  type ReportAgreement,
  type ReportCase,
  type ReportEvent,
} from './monthly-report';
import { byCreation } from '../../disputes/by-creation';

/** Cases read at a time: a few milliseconds of the API's thread per page. */
const PAGE = 500;

const UNIT_COLUMN = { street: 'streetCode', community: 'communityCode', grid: 'gridCode' } as const;

/**
 * The monthly figures of one unit, from the case and agreement tables (and, for what only the
 * trail holds — confirmations, follow-ups, missed deadlines, the source — its records).
 * Supervisors and judicial officers of the unit's street only.
 */
@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly heavy: HeavyReads,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  async report(actor: Actor, unitCode: string, month: string): Promise<MonthlyReport> {
    const place = await this.jurisdiction.placeOf(unitCode);
    if (!place) throw NotFoundError.of('unit', unitCode);
    if (
      (actor.role !== 'supervisor' && actor.role !== 'judicial_officer') ||
      actor.streetCode !== place.streetCode
    ) {
      throw new ForbiddenError(
        `only supervisors and judicial officers of street ${place.streetCode} get its reports`,
      );
    }
    const { to } = monthWindow(month);
    // Read page by page outside a transaction, yielding the event loop between pages: a street
    // of 30,000 cases read at once held the API's thread for seconds (issue 9, finding 6), and
    // on SQLite a transaction would also hold the writers' lock (everyone's writes) throughout.
    // A page is a few milliseconds; figures may straddle a write made meanwhile, as any report
    // read while cases move. On SQLite the pages are read on the read thread (HeavyReads).
    const m = this.heavy.manager();
    const cases: ReportCase[] = [];
    const agreements: ReportAgreement[] = [];
    const events: ReportEvent[] = [];
    let after: string | null = null;
    for (;;) {
      const query = m
        .createQueryBuilder(DisputeEntity, 'd')
        .select([
          'd.id',
          'd.category',
          'd.openedTier',
          'd.amount',
          'd.createdAt',
          'd.closedAt',
          'd.outcome',
          'd.tier',
          'd.status',
          'd.mediationType',
        ])
        .where(`d.${UNIT_COLUMN[place.kind]} = :code`, { code: place.code })
        .andWhere('d.createdAt < :to', { to });
      const page = await byCreation(query, 'ASC', after).limit(PAGE).getMany();
      if (page.length === 0) break;
      await this.readPage(m, page, cases, agreements, events);
      after = page[page.length - 1].id;
      if (page.length < PAGE) break;
      await yieldToOthers();
    }
    return aggregateMonthly(unitCode, month, cases, agreements, events);
  }

  /** One page of cases with what the trail and the agreements add to them. */
  private async readPage(
    m: EntityManager,
    disputes: DisputeEntity[],
    cases: ReportCase[],
    agreements: ReportAgreement[],
    events: ReportEvent[],
  ): Promise<void> {
    const ids = disputes.map((d) => d.id);
    const opens = await m.find(DisputeEventEntity, {
      where: { disputeId: In(ids), seq: 1 },
      select: { disputeId: true, payload: true },
    });
    const records = await m.find(DisputeEventEntity, {
      where: { disputeId: In(ids), type: In([...MONTHLY_REPORT_EVENT_TYPES]) },
      select: { disputeId: true, type: true, at: true, payload: true },
    });
    const agreementRows = await m.find(AgreementEntity, { where: { disputeId: In(ids) } });
    const sourceOf = new Map(
      opens.map((e) => {
        const source = (e.payload as Record<string, unknown>).source;
        return [e.disputeId, typeof source === 'string' ? source : 'grid'];
      }),
    );
    for (const d of disputes) {
      cases.push({
        id: d.id,
        source: sourceOf.get(d.id) ?? 'grid',
        mediationType: d.mediationType ?? 'people',
        category: d.category,
        openedTier: d.openedTier ?? 'blue',
        amount: d.amount,
        createdAt: d.createdAt,
        closedAt: d.closedAt,
        outcome: d.outcome,
        closedTier: d.status === 'closed' ? d.tier : null,
      });
    }
    for (const a of agreementRows) {
      agreements.push({
        disputeId: a.disputeId,
        reachedAt: a.reachedAt,
        // The agreement model is gaining a form (written/oral); until then every one is written.
        form: (a as AgreementEntity & { form?: string }).form === 'oral' ? 'oral' : 'written',
      });
    }
    for (const e of records) {
      events.push({
        disputeId: e.disputeId,
        type: e.type,
        at: e.at,
        payload: e.payload as Record<string, unknown>,
      });
    }
  }
}
