/**
 * The shapes the console reads, as the API documents them (docs/openapi.json). Kept to the fields
 * the pages use; the generated client in libs/api-client replaces these once it lands.
 */
export type Tier = 'blue' | 'yellow' | 'red';

export interface Party {
  id: string;
  name: string;
  role: string;
  phone?: string;
  idNumber?: string;
  capacity?: 'full' | 'minor' | 'incapacitated';
  /** The guardian or agent who signs for the party (PML Art. 23). */
  representative?: {
    id: string;
    name: string;
    kind: 'guardian' | 'agent';
    relation?: string;
  } | null;
}

export interface Deadline {
  timerId: string;
  kind: string;
  dueAt: string;
  state: string;
}

export interface RiskAssessment {
  score: number;
  suggestedTier: Tier;
  chosenTier: Tier;
  matched: { code: string; label: string; weight: number }[];
  total: number;
  thresholds: { yellow: number; red: number };
  explanation: string;
  tierReason?: string;
  downgraded: boolean;
}

export interface Dispute {
  id: string;
  reference: string;
  title: string;
  description: string;
  category: string;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  tier: Tier;
  highestTier: Tier;
  status: string;
  outcome: string | null;
  overdue: boolean;
  version: number;
  parties: Party[];
  amount: number | null;
  riskAssessment: RiskAssessment | null;
  deadlines: Deadline[];
  nextDeadlineAt: string | null;
  suspendedFrom: string | null;
  officerId: string | null;
  lawyerId: string | null;
  panel: { userId: string; institution: string }[];
  agreement: { terms: string; performanceDueAt?: string | null; signedByPartyIds: string[] } | null;
  closingReason: string | null;
  mediationType?: 'people' | 'police' | 'court';
  private?: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface DisputeList {
  items: Dispute[];
  total: number;
  page?: number;
  pageSize?: number;
  nextCursor?: string | null;
}

export interface EventAvailability {
  type: string;
  allowed: boolean;
  reason?: string;
}

export interface AllowedEvents {
  status: string;
  version: number;
  allowed: string[];
  events: EventAvailability[];
}

export interface AuditRecord {
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string;
  fromTier: string | null;
  toTier: string;
  at: string;
  payload: Record<string, unknown>;
}

export interface AuditVerification {
  intact: boolean;
  records: number;
  brokenAt?: { seq: number; problem: string };
}

export interface TimerRow {
  id: string;
  kind: string;
  fires: string | null;
  status: string;
  statePath: string;
  dueAt: string;
  firedAt: string | null;
  cancelReason: string | null;
}

export interface Inbox {
  items: Notification[];
  total: number;
  unread: number;
}

export interface Notification {
  id: string;
  kind: string;
  disputeId: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface Unit {
  code: string;
  name: string;
  kind: 'street' | 'community' | 'grid';
  parentCode: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitCode: string | null;
  institution: string | null;
  active?: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

export interface WorkflowDescription {
  mermaid: string;
  riskIndicators: { code: string; label: string; weight: number }[];
}

// Generated from docs/openapi.json (libs/api-client): the shapes of the typed client's calls.
// The interfaces above are to become aliases of these, page by page (issue 18).
type GeneratedSchemas = import('../../../../libs/api-client/src').components['schemas'];
type GeneratedOperations = import('../../../../libs/api-client/src').operations;
export type Candidate = GeneratedSchemas['CandidateView'];
export type CreateUnit = GeneratedSchemas['CreateUnit'];
export type CreateUser = GeneratedSchemas['CreateUser'];
/** The filters of GET /disputes. */
export type DisputeListQuery = NonNullable<
  GeneratedOperations['listDisputes']['parameters']['query']
>;
export type DisputeEvent = NonNullable<
  GeneratedOperations['sendDisputeEvent']['requestBody']
>['content']['application/json'];
