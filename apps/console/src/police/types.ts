/** The community police room's shapes, as docs/api.md describes them (tag `community`). */
export const REPORT_CATEGORIES = [
  'dispute_risk',
  'fraud_risk',
  'safety_hazard',
  'public_order',
  'help_needed',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const TEAM_ROLES = [
  'cadre',
  'community_police',
  'auxiliary_police',
  'grid_worker',
  'volunteer',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface ConcernedPerson {
  name: string;
  phone?: string;
  idNumber?: string;
  note?: string;
}

export interface Report {
  id: string;
  reference: string;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  category: ReportCategory;
  urgency: Urgency;
  summary: string;
  place: string;
  concerned: ConcernedPerson[];
  disclosure: 'full' | 'masked' | 'none';
  photoRef: string | null;
  location: { lon: number; lat: number } | null;
  status: 'open' | 'handled' | 'converted';
  filedBy: string;
  createdAt: string;
  reviewDueAt: string;
  overdue: boolean;
  overdueFlaggedAt: string | null;
  lookedAt: string | null;
  handledAt: string | null;
  handlingNote: string | null;
  assigneeId: string | null;
  followUp: string | null;
  disputeId: string | null;
  version: number;
}

export interface ReportList {
  items: Report[];
  total: number;
}

export interface ReportEvent {
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  payload: Record<string, unknown>;
  at: string;
}

export interface TeamMember {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  unitCode: string | null;
  teamRole: TeamRole;
  addedAt: string;
}

export interface Team {
  community: { code: string; name: string; streetCode: string };
  members: TeamMember[];
  counts: Record<TeamRole, number>;
  gaps: string[];
}

export interface TeamChange {
  userId: string;
  teamRole: TeamRole;
  change: 'added' | 'removed';
  actorId: string;
  at: string;
}

// GET /map, as the API documents it (libs/api-client is generated from docs/openapi.json).
type Schemas = import('../../../../libs/api-client/src').components['schemas'];
export type MapData = Schemas['MapDataResponse'];
export type MapGrid = Schemas['MapGridResponse'];

/** The `POST /disputes` form as `GET /community/reports/:id/intake` pre-fills it. */
export interface IntakePrefill {
  title: string;
  description: string;
  category: string;
  gridCode: string;
  parties: { name: string; role: 'applicant' | 'respondent'; phone?: string; idNumber?: string }[];
  riskIndicators: string[];
  location?: { lon: number; lat: number };
}
