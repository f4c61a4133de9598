import { Injectable } from '@nestjs/common';
import {
  DisputeEntity,
  DisputeEventEntity,
  HeavyReads,
  TimerEntity,
  TransactionRunner,
} from '@tricolor/persistence';
import { allowedEvents, type Actor } from '@tricolor/workflow';
import { MoreThan, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { InvalidInputError } from '../domain-errors';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { verifyChainInTurns, type ChainVerdict } from './audit-chain';
import { assertVisibleDispute, loadVisibleDispute } from './dispute-finder';
import { toDisputeView, type DisputeView } from './dispute-view';
import type { ListDisputesFilter } from './commands';
import { byCreation } from './by-creation';
import { newestTextMatches, textMatch, type NewestMatches } from './newest-text-matches';
import { yieldToOthers } from '../yield-to-others';

export interface Page<T> {
  items: T[];
  /** How many cases match; exact when `totalIsExact`, otherwise a floor (the count's cap). */
  total: number;
  totalIsExact: boolean;
  /** The page asked for; null when the page was asked for with a cursor (`after`). */
  page: number | null;
  pageSize: number;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Counting every match of a broad filter means visiting every match: at a million cases that is
 * most of a list request's time, for a figure nobody pages through. Past this many, `total`
 * says "more than 10,000" instead (totalIsExact: false); filters narrow a list, /stats counts.
 */
export const TOTAL_COUNT_CAP = 10_000;
/**
 * A text search can only be counted by reading each case's title and description (a trigram
 * index finds candidates, never a count): 10,000 matches of a common word cost 200-350 ms at a
 * million cases, so a search counts to 1,000, as search pages do ("more than 1,000").
 */
export const TEXT_TOTAL_COUNT_CAP = 1_000;

// Opaque to clients so that what it holds can change; today it is the last item's id.
const CURSOR_PREFIX = 'c1:';
const encodeCursor = (id: string): string =>
  Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // An id is printable: a NUL or other control byte is a 500 on PostgreSQL, not a lookup.
  if (
    !text.startsWith(CURSOR_PREFIX) ||
    text.length === CURSOR_PREFIX.length ||
    [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)
  ) {
    throw new InvalidInputError('after', 'must be a nextCursor from this list');
  }
  return text.slice(CURSOR_PREFIX.length);
}

/** A case's trail and timers, per request unless asked for less (GET …/events, …/timers). */
export const TRAIL_PAGE_DEFAULT = 500;

/** Letters and digits: what a text search must have at least two of to be worth a scan. */
const MEANINGFUL = /[\p{L}\p{N}]/gu;

/** The disputes column a unit filter reads, by the unit's kind. */
const UNIT_COLUMN = {
  street: 'd.street_code',
  community: 'd.community_code',
  grid: 'd.grid_code',
} as const;

/** Whole cases read (decrypted, hydrated) or shaped between two turns of the event loop. */
const CASES_PER_TURN = 50;

/**
 * The cases of `ids`, in that order, read CASES_PER_TURN at a time with the event loop yielded
 * between: a search's page of 200 whole cases hydrated at once held the API's thread for tens of
 * milliseconds (issue 9, finding 6). A case gone in between would be left out.
 */
async function casesInTurns(m: EntityManager, ids: { id: string }[]): Promise<DisputeEntity[]> {
  const byId = new Map<string, DisputeEntity>();
  for (let i = 0; i < ids.length; i += CASES_PER_TURN) {
    if (i > 0) await yieldToOthers();
    const chunk = ids.slice(i, i + CASES_PER_TURN).map((r) => r.id);
    const cases = await m
      .createQueryBuilder(DisputeEntity, 'd')
      .where('d.id IN (:...chunk)', { chunk })
      .getMany();
    for (const d of cases) byId.set(d.id, d);
  }
  return ids.flatMap((r) => byId.get(r.id) ?? []);
}

/** The cases as `actor` sees them, CASES_PER_TURN at a time with the event loop yielded between. */
async function viewsInTurns(cases: DisputeEntity[], actor: Actor): Promise<DisputeView[]> {
  const views: DisputeView[] = [];
  for (const [i, d] of cases.entries()) {
    if (i > 0 && i % CASES_PER_TURN === 0) await yieldToOthers();
    views.push(toDisputeView(d, actor));
  }
  return views;
}

/** Reads: every one goes through the actor's jurisdiction first. */
@Injectable()
export class DisputeQueriesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly heavy: HeavyReads,
  ) {}

  get(actor: Actor, id: string): Promise<DisputeView> {
    // One statement, no writes: on PostgreSQL without BEGIN and COMMIT (two round trips fewer
    // on the hottest read, each a turn of the event loop when the API is busy).
    return this.tx.runSingleWrite(async (m) =>
      toDisputeView(await loadVisibleDispute(m, this.jurisdiction, actor, id), actor),
    );
  }

  /**
   * NotFoundError unless the actor sees the case, at the cost of one indexed read (get() loads,
   * decrypts and shapes the whole case): the gate before a per-case flood check on the hot path.
   */
  assertVisible(actor: Actor, id: string): Promise<void> {
    return this.tx.runSingleWrite((m) => assertVisibleDispute(m, this.jurisdiction, actor, id));
  }

  list(actor: Actor, q: ListDisputesFilter): Promise<Page<DisputeView>> {
    if (q.after !== undefined && q.page !== undefined) {
      throw new InvalidInputError('page', 'cannot be combined with after');
    }
    // A text search scans (SQLite has no trigram index): a heavy read (HeavyReads), on SQLite
    // off the API's thread; every other list walks an index, in a transaction as before.
    const reads = q.text !== undefined ? this.heavy : this.tx;
    return reads.run(async (m) => {
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
      let textPattern: string | undefined;
      if (q.text !== undefined) {
        // '%', '_' or one letter matches nearly every case: a full scan for nothing useful.
        if ((q.text.match(MEANINGFUL) ?? []).length < 2) {
          throw new InvalidInputError('text', 'must contain at least 2 letters or digits');
        }
        textPattern = `%${q.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }

      const pageSize = q.pageSize ?? 20;
      const page = q.after === undefined ? (q.page ?? 1) : null;
      const offset = page === null ? 0 : (page - 1) * pageSize;
      if (textPattern !== undefined && page !== null) {
        // A page of a common word is among the newest cases: look there first.
        const newest = await newestTextMatches(m, qb.clone(), textPattern);
        if (newest.complete || newest.ids.length > offset + pageSize) {
          return this.pageOf(m, newest, offset, pageSize, page, actor);
        }
      }
      if (textPattern !== undefined) {
        // The text is searched in dispute_texts, where on PostgreSQL each LOWER(column) has a
        // trigram index (where pg_trgm is installed): kept off disputes, which every
        // transition updates.
        qb.andWhere(`d.id IN (SELECT t.id FROM dispute_texts t WHERE ${textMatch(':text')})`, {
          text: textPattern,
        });
      }
      const counting = qb.clone();
      let anchorId: string | null = null;
      if (q.after !== undefined) {
        anchorId = decodeCursor(q.after);
        // The anchor must be a case the caller sees, as the one that ended their last page was:
        // otherwise the answer would tell whether a case they may not see exists (§4).
        const anchor = await this.jurisdiction
          .scope(m.createQueryBuilder(DisputeEntity, 'd').select('d.id'), actor)
          .andWhere('d.id = :anchorId', { anchorId })
          .getOne();
        if (!anchor) throw new InvalidInputError('after', 'must be a nextCursor from this list');
      }
      // One row more than the page: whether there is a next page, without counting.
      const rows =
        q.text === undefined
          ? await byCreation(qb, 'DESC', anchorId)
              .offset(offset)
              .limit(pageSize + 1)
              .getMany()
          : await casesInTurns(
              m,
              await byCreation(qb.clone().select('d.id', 'id'), 'DESC', anchorId)
                .offset(offset)
                .limit(pageSize + 1)
                .getRawMany<{ id: string }>(),
            );
      const more = rows.length > pageSize;
      const items = more ? rows.slice(0, pageSize) : rows;
      const last = items[items.length - 1];

      let total: number;
      let totalIsExact = true;
      if (page !== null && !more && (items.length > 0 || offset === 0)) {
        // The last page of an offset list: everything before it plus what it holds.
        total = offset + items.length;
      } else {
        const cap = q.text ? TEXT_TOTAL_COUNT_CAP : TOTAL_COUNT_CAP;
        total = await this.countUpTo(m, counting, cap + 1);
        if (total > cap) {
          total = cap;
          totalIsExact = false;
        }
      }
      return {
        // A search's page of 200 whole cases: shaped in turns, as it was read.
        items:
          q.text === undefined
            ? items.map((d) => toDisputeView(d, actor))
            : await viewsInTurns(items, actor),
        total,
        totalIsExact,
        page,
        pageSize,
        nextCursor: more && last ? encodeCursor(last.id) : null,
      };
    });
  }

  /**
   * A page of a text search from the newest cases' matches: every match when the window held
   * the whole list (an exact total), otherwise at least a page more than asked for (a total
   * that is a floor, like a capped count's).
   */
  private async pageOf(
    m: EntityManager,
    newest: NewestMatches,
    offset: number,
    pageSize: number,
    page: number,
    actor: Actor,
  ): Promise<Page<DisputeView>> {
    // The window was walked in the caller's scope: these ids are theirs, newest first.
    const pageIds = newest.ids.slice(offset, offset + pageSize + 1);
    const rows = await casesInTurns(
      m,
      pageIds.map((id) => ({ id })),
    );
    const more = rows.length > pageSize;
    const items = more ? rows.slice(0, pageSize) : rows;
    const last = items[items.length - 1];
    const found = newest.ids.length;
    return {
      items: await viewsInTurns(items, actor),
      total: Math.min(found, TEXT_TOTAL_COUNT_CAP),
      totalIsExact: newest.complete && found <= TEXT_TOTAL_COUNT_CAP,
      page,
      pageSize,
      nextCursor: more && last ? encodeCursor(last.id) : null,
    };
  }

  /** COUNT over at most `limit` matching rows: the scan stops there. */
  private async countUpTo(
    m: EntityManager,
    qb: SelectQueryBuilder<DisputeEntity>,
    limit: number,
  ): Promise<number> {
    const [sql, parameters] = qb.select('d.id').limit(limit).getQueryAndParameters();
    const rows = await m.query<{ n: number | string }[]>(
      `SELECT COUNT(*) AS n FROM (${sql}) capped`,
      parameters,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** A page of the trail, oldest first: records after `afterSeq`, at most `limit` (500). */
  events(
    actor: Actor,
    id: string,
    page: { limit?: number; afterSeq?: number } = {},
  ): Promise<Omit<DisputeEventEntity, 'response'>[]> {
    return this.tx.run(async (m) => {
      await loadVisibleDispute(m, this.jurisdiction, actor, id);
      const rows = await m.find(DisputeEventEntity, {
        where: { disputeId: id, seq: MoreThan(page.afterSeq ?? 0) },
        order: { seq: 'ASC' },
        take: page.limit ?? TRAIL_PAGE_DEFAULT,
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

  async verify(actor: Actor, id: string): Promise<ChainVerdict & { disputeId: string }> {
    // One transaction, not the read thread (HeavyReads): the case and its records must be read
    // at one instant, or a record appended between the two reads would look like tampering.
    const { dispute, records } = await this.tx.run(async (m) => ({
      dispute: await loadVisibleDispute(m, this.jurisdiction, actor, id),
      records: await m.find(DisputeEventEntity, {
        where: { disputeId: id },
        order: { seq: 'ASC' },
      }),
    }));
    // The replay after it, in turns: on SQLite the transaction holds the one connection.
    return { disputeId: id, ...(await verifyChainInTurns(records, dispute)) };
  }

  /** A page of the case's timers, soonest first: at most `limit` (500) after `offset`. */
  timers(
    actor: Actor,
    id: string,
    page: { limit?: number; offset?: number } = {},
  ): Promise<TimerEntity[]> {
    return this.tx.run(async (m) => {
      await loadVisibleDispute(m, this.jurisdiction, actor, id);
      return m.find(TimerEntity, {
        where: { disputeId: id },
        order: { dueAt: 'ASC', id: 'ASC' },
        skip: page.offset ?? 0,
        take: page.limit ?? TRAIL_PAGE_DEFAULT,
      });
    });
  }
}
