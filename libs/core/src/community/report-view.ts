import type {
  CommunityReportEntity,
  CommunityReportEventEntity,
  ConcernedPerson,
} from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import { mask } from '../disputes/dispute-view';
import { disclosureFor, type Disclosure } from './rules/report-access';
import type { ReportCategory, ReportStatus, ReportUrgency } from './rules/vocabulary';

/** A 社情 report as the API returns it. */
export interface ReportView {
  id: string;
  reference: string;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  category: ReportCategory;
  urgency: ReportUrgency;
  summary: string;
  place: string;
  concerned: ConcernedPerson[];
  /** How much of `concerned` the caller sees: full, masked (last digits) or none (volunteers). */
  disclosure: Disclosure;
  photoRef: string | null;
  location: { lon: number; lat: number } | null;
  status: ReportStatus;
  filedBy: string;
  createdAt: string;
  reviewDueAt: string;
  /** Not looked at and past reviewDueAt (whether or not the sweep has flagged it yet). */
  overdue: boolean;
  overdueFlaggedAt: string | null;
  lookedAt: string | null;
  lookedBy: string | null;
  handledAt: string | null;
  handledBy: string | null;
  handlingNote: string | null;
  assigneeId: string | null;
  followUp: string | null;
  disputeId: string | null;
  version: number;
  updatedAt: string;
}

export interface ReportEventView {
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  payload: object;
  at: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Hides the people a report names as far as `disclosure` says. */
export function discloseConcerned(
  people: ConcernedPerson[],
  disclosure: Disclosure,
): ConcernedPerson[] {
  switch (disclosure) {
    case 'full':
      return people;
    case 'masked':
      return people.map((p) => ({
        ...p,
        ...(p.phone !== undefined ? { phone: mask(p.phone, 4) } : {}),
        ...(p.idNumber !== undefined ? { idNumber: mask(p.idNumber, 4) } : {}),
      }));
    case 'none':
      // Not even the last digits, the name or the note: only that someone is concerned.
      return people.map((p) => ({
        name: '*'.repeat(p.name.length),
        ...(p.phone !== undefined ? { phone: '*'.repeat(p.phone.length) } : {}),
        ...(p.idNumber !== undefined ? { idNumber: '*'.repeat(p.idNumber.length) } : {}),
      }));
  }
}

export function isReportOverdue(r: CommunityReportEntity, now: Date): boolean {
  return r.status === 'open' && r.lookedAt === null && r.reviewDueAt.getTime() <= now.getTime();
}

export function toReportView(
  r: CommunityReportEntity,
  viewer: Actor,
  now = new Date(),
): ReportView {
  const disclosure = disclosureFor(viewer, r);
  const hideText = disclosure === 'none';
  return {
    id: r.id,
    reference: r.reference,
    gridCode: r.gridCode,
    communityCode: r.communityCode,
    streetCode: r.streetCode,
    category: r.category as ReportCategory,
    urgency: r.urgency as ReportUrgency,
    summary: r.summary,
    place: r.place,
    concerned: discloseConcerned(r.concerned, disclosure),
    disclosure,
    photoRef: r.photoRef,
    location: r.lon !== null && r.lat !== null ? { lon: r.lon, lat: r.lat } : null,
    status: r.status,
    filedBy: r.filedBy,
    createdAt: r.createdAt.toISOString(),
    reviewDueAt: r.reviewDueAt.toISOString(),
    overdue: isReportOverdue(r, now),
    overdueFlaggedAt: iso(r.overdueFlaggedAt),
    lookedAt: iso(r.lookedAt),
    lookedBy: r.lookedBy,
    handledAt: iso(r.handledAt),
    handledBy: r.handledBy,
    // Notes are written about people: volunteers see that there is one, not what it says.
    handlingNote: hideText && r.handlingNote !== null ? '***' : r.handlingNote,
    assigneeId: r.assigneeId,
    followUp: hideText && r.followUp !== null ? '***' : r.followUp,
    disputeId: r.disputeId,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Volunteers see the trail's shape, not the free text in it. */
export function toReportEventView(e: CommunityReportEventEntity, viewer: Actor): ReportEventView {
  const payload = { ...(e.payload as Record<string, unknown>) };
  if (viewer.role === 'volunteer') {
    for (const key of ['note', 'followUp']) if (key in payload) payload[key] = '***';
  }
  return {
    seq: e.seq,
    type: e.type,
    actorId: e.actorId,
    actorRole: e.actorRole,
    payload,
    at: e.at.toISOString(),
  };
}
