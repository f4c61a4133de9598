import {
  CommunityReportEntity,
  DisputeEntity,
  DisputeEventEntity,
  SupervisionNoticeEntity,
  UnitEntity,
  UserEntity,
} from '@tricolor/persistence';
import { SYSTEM_ACTOR_ID, TIERS } from '@tricolor/workflow';
import { In, type EntityManager } from 'typeorm';
import type { UnitPlace } from '../jurisdiction/jurisdiction.service';
import type {
  AgendaSources,
  EscalationRow,
  OpenCaseRow,
  OpenCounts,
  SupervisionRow,
} from './agenda-sources.types';
import type { AgendaKind } from './agenda.types';
import { escalationWindowStart, isOverdue, rowsByUrgency } from './agenda-builder';
import { AGENDA_LIST_CAP } from './agenda-page';
import { yieldToOthers } from '../yield-to-others';
import { byCreation } from '../disputes/by-creation';

/** A unit an agenda can be made for. */
export type AgendaPlace = UnitPlace & { kind: AgendaKind };

// A record raised the tier when its to_tier ranks above its from_tier (blue < yellow < red).
// Built from constants only, never from input.
const RAISED_TIER = TIERS.slice(0, -1)
  .map((from, i) => {
    const higher = TIERS.slice(i + 1).map((t) => `'${t}'`);
    return `(e.from_tier = '${from}' AND e.to_tier IN (${higher.join(', ')}))`;
  })
  .join(' OR ');

// Both columns are indexed on disputes (ix_disputes_community_code, ix_disputes_street_code_status).
const unitColumn = (place: AgendaPlace): string =>
  place.kind === 'street' ? 'd.street_code' : 'd.community_code';

/**
 * Reads what an agenda is made of. Not in one transaction: the open cases are read page by page
 * with the event loop yielded between pages, and on SQLite a transaction would hold everyone's
 * writes meanwhile. A case that moves during the read may be counted as it was or as it is.
 */
export async function readAgendaSources(
  m: EntityManager,
  place: AgendaPlace,
  now: Date,
): Promise<AgendaSources> {
  const unit = await m.findOneOrFail(UnitEntity, { where: { code: place.code } });
  const communities =
    place.kind === 'community'
      ? [unit]
      : await m.find(UnitEntity, {
          where: { kind: 'community', streetCode: place.code },
          order: { code: 'ASC' },
        });
  return {
    unit: { code: unit.code, name: unit.name },
    communities: communities.map((c) => ({ code: c.code, name: c.name })),
    ...(await readOpenCases(m, place, now)),
    escalations: await readEscalations(m, place, now),
    reports: await readWeekReports(m, place, now),
    supervision: await readSupervision(m, place, now),
  };
}

/** The 社情 reports filed in the agenda's week, listed beside the cases. */
function readWeekReports(m: EntityManager, place: AgendaPlace, now: Date) {
  const column = place.kind === 'community' ? 'r.community_code' : 'r.street_code';
  return m
    .createQueryBuilder(CommunityReportEntity, 'r')
    .select([
      'r.id',
      'r.reference',
      'r.gridCode',
      'r.communityCode',
      'r.category',
      'r.urgency',
      'r.status',
      'r.summary',
      'r.createdAt',
      'r.disputeId',
      'r.lookedAt',
      'r.reviewDueAt',
    ])
    .where(`${column} = :unit`, { unit: place.code })
    .andWhere('r.created_at >= :since AND r.created_at <= :now', {
      since: escalationWindowStart(now),
      now,
    })
    .getMany();
}

/** Notices still open, and those issued in the week before the meeting. */
async function readSupervision(
  m: EntityManager,
  place: AgendaPlace,
  now: Date,
): Promise<SupervisionRow[]> {
  const rows = await m
    .createQueryBuilder(SupervisionNoticeEntity, 'n')
    .innerJoin(DisputeEntity, 'd', 'd.id = n.dispute_id')
    .where(`${unitColumn(place)} = :unit`, { unit: place.code })
    .andWhere('(n.acknowledged_at IS NULL OR n.issued_at >= :since)', {
      since: escalationWindowStart(now),
    })
    .getMany();
  if (rows.length === 0) return [];
  const disputes = await m.find(DisputeEntity, {
    where: { id: In([...new Set(rows.map((n) => n.disputeId))]) },
    select: {
      id: true,
      reference: true,
      title: true,
      gridCode: true,
      communityCode: true,
      inPrivate: true,
    },
  });
  const byId = new Map(disputes.map((d) => [d.id, d]));
  return rows.flatMap((n) => {
    const d = byId.get(n.disputeId);
    return d
      ? [
          {
            noticeId: n.id,
            disputeId: n.disputeId,
            reference: d.reference,
            title: d.title,
            gridCode: d.gridCode,
            communityCode: d.communityCode,
            reason: n.reason,
            dueBy: n.dueBy,
            issuedAt: n.issuedAt,
            acknowledged: n.acknowledgedAt !== null,
            inPrivate: d.inPrivate ?? false,
          },
        ]
      : [];
  });
}

/** Open cases read at a time: a few milliseconds of the API's thread. */
const OPEN_CASES_PAGE = 500;

/** The most urgent `AGENDA_LIST_CAP` of a list, kept while the rows stream past. */
class MostUrgent {
  private rows: OpenCaseRow[] = [];

  add(rows: OpenCaseRow[]): void {
    if (rows.length === 0) return;
    this.rows = [...this.rows, ...rows].sort(rowsByUrgency).slice(0, AGENDA_LIST_CAP);
  }

  get all(): OpenCaseRow[] {
    return this.rows;
  }
}

const listOf = (lists: Map<string, MostUrgent>, community: string): MostUrgent => {
  let list = lists.get(community);
  if (!list) lists.set(community, (list = new MostUrgent()));
  return list;
};

/**
 * The unit's open cases a page at a time (keyset on the unit's (created_at, id) index), yielding
 * the event loop between pages: a street of 30,000 open cases read and sorted at once held the
 * API's thread for seconds (issue 9, finding 6). Keeps per community the whole counts, and only
 * the most urgent open and overdue cases, as many as an agenda stores (AGENDA_LIST_CAP).
 */
async function readOpenCases(
  m: EntityManager,
  place: AgendaPlace,
  now: Date,
): Promise<{ openCases: OpenCaseRow[]; openCounts: Record<string, OpenCounts> }> {
  const open = new Map<string, MostUrgent>();
  const overdue = new Map<string, MostUrgent>();
  const counts: Record<string, OpenCounts> = {};
  let after: string | null = null;
  for (;;) {
    const query = m
      .createQueryBuilder(DisputeEntity, 'd')
      .select([
        'd.id',
        'd.reference',
        'd.title',
        'd.gridCode',
        'd.communityCode',
        'd.tier',
        'd.status',
        'd.overdue',
        'd.nextDeadlineAt',
        'd.createdAt',
        'd.inPrivate',
      ])
      .where(`${unitColumn(place)} = :unit`, { unit: place.code })
      .andWhere('d.status <> :closed', { closed: 'closed' });
    const page = await byCreation(query, 'ASC', after).limit(OPEN_CASES_PAGE).getMany();
    const byCommunity = new Map<string, { all: OpenCaseRow[]; overdue: OpenCaseRow[] }>();
    for (const row of page) {
      let rows = byCommunity.get(row.communityCode);
      if (!rows) byCommunity.set(row.communityCode, (rows = { all: [], overdue: [] }));
      const c = (counts[row.communityCode] ??= {
        open: 0,
        overdue: 0,
        openByTier: { blue: 0, yellow: 0, red: 0 },
      });
      rows.all.push(row);
      c.open += 1;
      c.openByTier[row.tier] += 1;
      if (isOverdue(row, now)) {
        rows.overdue.push(row);
        c.overdue += 1;
      }
    }
    for (const [community, rows] of byCommunity) {
      listOf(open, community).add(rows.all);
      listOf(overdue, community).add(rows.overdue);
    }
    if (page.length < OPEN_CASES_PAGE) break;
    after = page[page.length - 1].id;
    await yieldToOthers();
  }
  // The most urgent of all and the most urgent overdue: all the stored lists can hold.
  const kept = new Map<string, OpenCaseRow>();
  for (const lists of [open, overdue]) {
    for (const list of lists.values()) for (const row of list.all) kept.set(row.id, row);
  }
  return { openCases: [...kept.values()], openCounts: counts };
}

async function readEscalations(
  m: EntityManager,
  place: AgendaPlace,
  now: Date,
): Promise<EscalationRow[]> {
  const events = await m
    .createQueryBuilder(DisputeEventEntity, 'e')
    .innerJoin(DisputeEntity, 'd', 'd.id = e.dispute_id')
    .where(`${unitColumn(place)} = :unit`, { unit: place.code })
    .andWhere('e.at >= :since AND e.at <= :now', { since: escalationWindowStart(now), now })
    .andWhere(`(${RAISED_TIER})`)
    .getMany();
  if (events.length === 0) return [];

  const disputeIds = [...new Set(events.map((e) => e.disputeId))];
  const disputes = await m.find(DisputeEntity, {
    where: { id: In(disputeIds) },
    select: {
      id: true,
      reference: true,
      title: true,
      gridCode: true,
      communityCode: true,
      status: true,
      inPrivate: true,
    },
  });
  const userIds = [...new Set(events.map((e) => e.actorId))].filter((id) => id !== SYSTEM_ACTOR_ID);
  const users =
    userIds.length === 0
      ? []
      : await m.find(UserEntity, {
          where: { id: In(userIds) },
          select: { id: true, displayName: true },
        });

  const disputeById = new Map(disputes.map((d) => [d.id, d]));
  const nameById = new Map(users.map((u) => [u.id, u.displayName]));
  return events.flatMap((e) => {
    const d = disputeById.get(e.disputeId);
    if (!d || e.fromTier === null) return [];
    return [
      {
        disputeId: e.disputeId,
        type: e.type,
        actorId: e.actorId,
        actorRole: e.actorRole,
        actorName: nameById.get(e.actorId) ?? null,
        payload: e.payload,
        fromStatus: e.fromStatus,
        fromTier: e.fromTier,
        toTier: e.toTier,
        at: e.at,
        reference: d.reference,
        title: d.title,
        gridCode: d.gridCode,
        communityCode: d.communityCode,
        status: d.status,
        inPrivate: d.inPrivate ?? false,
      },
    ];
  });
}
