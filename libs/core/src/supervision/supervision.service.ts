import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import {
  DisputeEntity,
  RowCodec,
  SupervisionNoticeEntity,
  TransactionRunner,
  newId,
} from '@tricolor/persistence';
import { isHandler, watchDeadline, type Actor } from '@tricolor/workflow';
import { In, IsNull, type EntityManager } from 'typeorm';
import { CalendarStore } from '../calendar/calendar-store.service';
import { CaseAnnotations } from '../disputes/case-annotations.service';
import { loadVisibleDispute } from '../disputes/dispute-finder';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { handlersOf } from '../notifications/recipients';
import { Notifier } from '../notifications/notifier.service';
import type { SupervisionNoticeView, WatchedCase, WatchList } from './supervision.types';

const DAY = 86_400_000;
/**
 * Cases whose next deadline is further off than this are not read: no deadline window's last
 * share spans more (30 days × 20 %, or 10 working days × 20 % across the longest holiday).
 */
const LOOK_AHEAD_MS = 15 * DAY;
const MAX_CASES = 1000;

const SUPERVISING = new Set(['supervisor', 'admin']);

export const toNoticeView = (n: SupervisionNoticeEntity): SupervisionNoticeView => ({
  id: n.id,
  disputeId: n.disputeId,
  issuedBy: n.issuedBy,
  reason: n.reason,
  dueBy: n.dueBy.toISOString(),
  issuedAt: n.issuedAt.toISOString(),
  acknowledgedBy: n.acknowledgedBy,
  acknowledgedAt: n.acknowledgedAt ? n.acknowledgedAt.toISOString() : null,
  acknowledgement: n.acknowledgement,
  open: n.acknowledgedAt === null,
});

/**
 * Supervision before a breach (督办): the cases about to miss (or past) their deadline, and
 * notices a supervisor presses on a case with. A notice is a fact on the case's audit trail
 * (SUPERVISION_NOTICE, SUPERVISION_ACKNOWLEDGED), not a state change.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly calendars: CalendarStore,
    private readonly annotations: CaseAnnotations,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {}

  async watchList(actor: Actor, unit: string | undefined, now = new Date()): Promise<WatchList> {
    this.mustSupervise(actor);
    const share = this.config.supervisionShare;
    return this.tx.run(async (m) => {
      const qb = m
        .createQueryBuilder(DisputeEntity, 'd')
        .where('d.status <> :closed', { closed: 'closed' })
        .andWhere('(d.overdue = :yes OR d.next_deadline_at <= :horizon)', {
          yes: RowCodec.of(m, DisputeEntity).stored('overdue', true),
          horizon: RowCodec.of(m, DisputeEntity).stored(
            'nextDeadlineAt',
            new Date(now.getTime() + LOOK_AHEAD_MS),
          ),
        })
        .orderBy('d.next_deadline_at', 'ASC')
        .take(MAX_CASES + 1);
      if (unit) {
        qb.andWhere('(d.street_code = :unit OR d.community_code = :unit OR d.grid_code = :unit)', {
          unit,
        });
      }
      const rows = await this.jurisdiction.scope(qb, actor).getMany();
      const truncated = rows.length > MAX_CASES;
      const calendar = await this.calendars.current(m);
      const watched = rows.slice(0, MAX_CASES).flatMap((d) => {
        const deadline = watchDeadline(d.snapshot.context, calendar, share, now.getTime());
        return deadline?.risk ? [{ d, deadline, risk: deadline.risk }] : [];
      });
      const open = await this.openNoticeCounts(
        m,
        watched.map((w) => w.d.id),
      );
      const cases: WatchedCase[] = watched.map(({ d, deadline, risk }) => ({
        id: d.id,
        reference: d.reference,
        title: d.title,
        tier: d.tier,
        status: d.status,
        gridCode: d.gridCode,
        communityCode: d.communityCode,
        streetCode: d.streetCode,
        risk,
        deadline,
        openNotices: open.get(d.id) ?? 0,
      }));
      const units = new Map<string, { unitCode: string; atRisk: number; overdue: number }>();
      for (const c of cases) {
        const u = units.get(c.communityCode) ?? {
          unitCode: c.communityCode,
          atRisk: 0,
          overdue: 0,
        };
        if (c.risk === 'overdue') u.overdue++;
        else u.atRisk++;
        units.set(c.communityCode, u);
      }
      return {
        generatedAt: now.toISOString(),
        share,
        units: [...units.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
        cases,
        truncated,
      };
    });
  }

  async issue(
    actor: Actor,
    disputeId: string,
    input: { reason: string; dueBy: string },
    at = new Date(),
  ): Promise<SupervisionNoticeView> {
    this.mustSupervise(actor);
    const dueBy = new Date(input.dueBy);
    if (Number.isNaN(dueBy.getTime()) || dueBy <= at) {
      throw new InvalidInputError('dueBy', 'must be a date-time in the future');
    }
    return this.tx.run(async (m) => {
      const dispute = await loadVisibleDispute(m, this.jurisdiction, actor, disputeId);
      if (dispute.status === 'closed') {
        throw new ConflictError('the case is closed: there is nothing to supervise');
      }
      const notice: SupervisionNoticeEntity = {
        id: newId(),
        disputeId,
        streetCode: dispute.streetCode,
        issuedBy: actor.id,
        reason: input.reason,
        dueBy,
        issuedAt: at,
        acknowledgedBy: null,
        acknowledgedAt: null,
        acknowledgement: null,
      };
      await m.insert(SupervisionNoticeEntity, notice);
      await this.annotations.recordWithin(m, {
        actor,
        disputeId,
        type: 'SUPERVISION_NOTICE',
        payload: {
          noticeId: notice.id,
          by: actor.id,
          reason: input.reason,
          dueBy: dueBy.toISOString(),
        },
        at,
      });
      // The handlers' inboxes: who must act on the case now.
      await this.notifier.notify(m, await handlersOf(m, dispute), {
        disputeId,
        kind: 'supervision',
        message: `督办 case ${dispute.reference}: ${input.reason} (by ${dueBy.toISOString()})`,
        at,
      });
      return toNoticeView(notice);
    });
  }

  async acknowledge(
    actor: Actor,
    disputeId: string,
    noticeId: string,
    note: string | undefined,
    at = new Date(),
  ): Promise<SupervisionNoticeView> {
    return this.tx.run(async (m) => {
      const dispute = await loadVisibleDispute(m, this.jurisdiction, actor, disputeId);
      const notice = await m.findOne(SupervisionNoticeEntity, {
        where: { id: noticeId, disputeId },
      });
      if (!notice) throw NotFoundError.of('supervision notice', noticeId);
      if (!isHandler(dispute.snapshot.context, actor)) {
        throw new ForbiddenError('only a handler of the case acknowledges a supervision notice');
      }
      if (notice.acknowledgedAt) {
        throw new ConflictError('the supervision notice was already acknowledged');
      }
      const done: SupervisionNoticeEntity = {
        ...notice,
        acknowledgedBy: actor.id,
        acknowledgedAt: at,
        acknowledgement: note ?? null,
      };
      await m.update(
        SupervisionNoticeEntity,
        { id: noticeId },
        { acknowledgedBy: actor.id, acknowledgedAt: at, acknowledgement: note ?? null },
      );
      await this.annotations.recordWithin(m, {
        actor,
        disputeId,
        type: 'SUPERVISION_ACKNOWLEDGED',
        payload: { noticeId, by: actor.id, ...(note ? { note } : {}) },
        at,
      });
      return toNoticeView(done);
    });
  }

  async noticesOf(actor: Actor, disputeId: string): Promise<SupervisionNoticeView[]> {
    return this.tx.run(async (m) => {
      await loadVisibleDispute(m, this.jurisdiction, actor, disputeId);
      const rows = await m.find(SupervisionNoticeEntity, {
        where: { disputeId },
        order: { issuedAt: 'ASC' },
      });
      return rows.map(toNoticeView);
    });
  }

  private async openNoticeCounts(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await m.find(SupervisionNoticeEntity, {
      where: { disputeId: In(ids), acknowledgedAt: IsNull() },
      select: { disputeId: true },
    });
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.disputeId, (counts.get(r.disputeId) ?? 0) + 1);
    return counts;
  }

  private mustSupervise(actor: Actor): void {
    if (!SUPERVISING.has(actor.role)) {
      throw new ForbiddenError('only supervisors and admins supervise deadlines');
    }
  }
}
