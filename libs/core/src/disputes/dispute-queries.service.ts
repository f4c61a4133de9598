import { Injectable } from '@nestjs/common';
import {
  DisputeEntity,
  DisputeEventEntity,
  TimerEntity,
  TransactionRunner,
} from '@tricolor/persistence';
import { allowedEvents, type Actor } from '@tricolor/workflow';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { verifyChain, type ChainVerdict } from './audit-chain';
import { loadVisibleDispute } from './dispute-finder';
import { toDisputeView, type DisputeView } from './dispute-view';
import type { ListDisputesFilter } from './commands';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The disputes column a unit filter reads, by the unit's kind. */
const UNIT_COLUMN = {
  street: 'd.street_code',
  community: 'd.community_code',
  grid: 'd.grid_code',
} as const;

/** Reads: every one goes through the actor's jurisdiction first. */
@Injectable()
export class DisputeQueriesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  get(actor: Actor, id: string): Promise<DisputeView> {
    return this.tx.run(async (m) =>
      toDisputeView(await loadVisibleDispute(m, this.jurisdiction, actor, id), actor),
    );
  }

  list(actor: Actor, q: ListDisputesFilter): Promise<Page<DisputeView>> {
    return this.tx.run(async (m) => {
      const qb = this.jurisdiction.scope(m.createQueryBuilder(DisputeEntity, 'd'), actor);
      if (q.tier) qb.andWhere('d.tier = :tier', { tier: q.tier });
      if (q.status) qb.andWhere('d.status = :status', { status: q.status });
      if (q.overdue !== undefined) qb.andWhere('d.overdue = :overdue', { overdue: q.overdue });
      if (q.unit) {
        // One column, the one of the unit's kind, so its (unit, created_at, id) index serves the
        // list; a code that names no unit matches nothing on any of the three, as before.
        const place = await this.jurisdiction.placeOf(q.unit);
        qb.andWhere(
          place
            ? `${UNIT_COLUMN[place.kind]} = :unit`
            : '(d.street_code = :unit OR d.community_code = :unit OR d.grid_code = :unit)',
          { unit: q.unit },
        );
      }
      if (q.text) {
        qb.andWhere(
          // SQLite has no default escape character: name it, so % and _ are searched literally.
          "(LOWER(d.title) LIKE :text ESCAPE '\\' OR LOWER(d.description) LIKE :text ESCAPE '\\' OR LOWER(d.reference) LIKE :text ESCAPE '\\')",
          { text: `%${q.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
        );
      }
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const [rows, total] = await qb
        .orderBy('d.created_at', 'DESC')
        .addOrderBy('d.id', 'DESC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      return { items: rows.map((d) => toDisputeView(d, actor)), total, page, pageSize };
    });
  }

  events(actor: Actor, id: string): Promise<Omit<DisputeEventEntity, 'response'>[]> {
    return this.tx.run(async (m) => {
      await loadVisibleDispute(m, this.jurisdiction, actor, id);
      const rows = await m.find(DisputeEventEntity, {
        where: { disputeId: id },
        order: { seq: 'ASC' },
      });
      // `response` is the sender's own answer, kept for Idempotency-Key replays: it shows the
      // parties' numbers unmasked when the sender handled the case, so it is not for readers.
      return rows.map(({ response: _response, ...row }) => row);
    });
  }

  allowed(actor: Actor, id: string) {
    return this.tx.run(async (m) => {
      const d = await loadVisibleDispute(m, this.jurisdiction, actor, id);
      const events = allowedEvents(d.snapshot, actor).filter(
        (e) => e.type !== 'DEADLINE_EXPIRED' && e.type !== 'FOLLOW_UP_DUE',
      );
      return {
        status: d.status,
        version: d.version,
        allowed: events.filter((e) => e.allowed).map((e) => e.type),
        events,
      };
    });
  }

  verify(actor: Actor, id: string): Promise<ChainVerdict & { disputeId: string }> {
    return this.tx.run(async (m) => {
      await loadVisibleDispute(m, this.jurisdiction, actor, id);
      const records = await m.find(DisputeEventEntity, {
        where: { disputeId: id },
        order: { seq: 'ASC' },
      });
      return { disputeId: id, ...verifyChain(records) };
    });
  }

  timers(actor: Actor, id: string): Promise<TimerEntity[]> {
    return this.tx.run(async (m) => {
      await loadVisibleDispute(m, this.jurisdiction, actor, id);
      return m.find(TimerEntity, { where: { disputeId: id }, order: { dueAt: 'ASC' } });
    });
  }
}
