/** The community police room's shapes, as docs/api.md describes them (tag `community`). */
import type { Tier } from '../api/types';

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

export type Ring = [number, number][];
export type Geometry =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface MapGrid {
  code: string;
  name: string;
  communityCode: string;
  boundary: Geometry | null;
  bbox: [number, number, number, number] | null;
  openCases: number;
  overdueCases: number;
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
  truncated: boolean;
}

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
