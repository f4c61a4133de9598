import { Injectable } from '@nestjs/common';
import {
  AgreementEntity,
  DisputeEntity,
  DisputeEventEntity,
  TransactionRunner,
} from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import { In } from 'typeorm';
import { ForbiddenError, NotFoundError } from '../../domain-errors';
import { JurisdictionService } from '../../jurisdiction/jurisdiction.service';
import {
  MONTHLY_REPORT_EVENT_TYPES,
  aggregateMonthly,
  monthWindow,
  type MonthlyReport,
  type ReportAgreement,
  type ReportCase,
} from './monthly-report';

const UNIT_COLUMN = { street: 'streetCode', community: 'communityCode', grid: 'gridCode' } as const;

/**
 * The monthly figures of one unit, from the case and agreement tables (and, for what only the
 * trail holds — confirmations, follow-ups, missed deadlines, the source — its records).
 * Supervisors and judicial officers of the unit's street only.
 */
@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly tx: TransactionRunner,
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
    return this.tx.run(async (m) => {
      const disputes = await m
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
        .andWhere('d.createdAt < :to', { to })
        .getMany();
      const ids = disputes.map((d) => d.id);
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
      const opens: DisputeEventEntity[] = [];
      const records: DisputeEventEntity[] = [];
      const agreementRows: AgreementEntity[] = [];
      for (const chunk of chunks) {
        opens.push(
          ...(await m.find(DisputeEventEntity, {
            where: { disputeId: In(chunk), seq: 1 },
            select: { disputeId: true, payload: true },
          })),
        );
        records.push(
          ...(await m.find(DisputeEventEntity, {
            where: { disputeId: In(chunk), type: In([...MONTHLY_REPORT_EVENT_TYPES]) },
          })),
        );
        agreementRows.push(...(await m.find(AgreementEntity, { where: { disputeId: In(chunk) } })));
      }
      const sourceOf = new Map(
        opens.map((e) => {
          const source = (e.payload as Record<string, unknown>).source;
          return [e.disputeId, typeof source === 'string' ? source : 'grid'];
        }),
      );
      const cases: ReportCase[] = disputes.map((d) => ({
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
      }));
      const agreements: ReportAgreement[] = agreementRows.map((a) => ({
        disputeId: a.disputeId,
        reachedAt: a.reachedAt,
        // The agreement model is gaining a form (written/oral); until then every one is written.
        form: (a as AgreementEntity & { form?: string }).form === 'oral' ? 'oral' : 'written',
      }));
      const events = records.map((e) => ({
        disputeId: e.disputeId,
        type: e.type,
        at: e.at,
        payload: e.payload as Record<string, unknown>,
      }));
      return aggregateMonthly(unitCode, month, cases, agreements, events);
    });
  }
}
