/**
 * The shapes the console reads, as the API documents them (docs/openapi.json). Kept to the fields
 * the pages use; the generated client in libs/api-client replaces these once it lands.
 */
export type Tier = 'blue' | 'yellow' | 'red';

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

// Generated from docs/openapi.json (libs/api-client): the shapes of the typed client's calls.
// The interfaces above are to become aliases of these, page by page (issue 18).
type GeneratedSchemas = import('../../../../libs/api-client/src').components['schemas'];
type GeneratedOperations = import('../../../../libs/api-client/src').operations;
export type Candidate = GeneratedSchemas['CandidateView'];
export type Dispute = GeneratedSchemas['Dispute'];
export type Party = Dispute['parties'][number];
export type Deadline = Dispute['deadlines'][number];
export type RiskAssessment = NonNullable<Dispute['riskAssessment']>;
export type DisputeList = GeneratedSchemas['DisputeList'];
export type AllowedEvents = GeneratedSchemas['AllowedEvents'];
export type EventAvailability = AllowedEvents['events'][number];
export type AuditRecord = GeneratedSchemas['AuditRecord'];
export type AuditVerification = GeneratedSchemas['AuditVerification'];
export type TimerRow = GeneratedSchemas['Timer'];
export type Settlement = GeneratedSchemas['Settlement'];
export type OpenDisputeBody = GeneratedSchemas['OpenDispute'];
export type RiskIndicatorCode = GeneratedSchemas['RiskIndicatorCode'];
export type CreateUnit = GeneratedSchemas['CreateUnit'];
export type CreateUser = GeneratedSchemas['CreateUser'];
/** The filters of GET /disputes. */
export type DisputeListQuery = NonNullable<
  GeneratedOperations['listDisputes']['parameters']['query']
>;
export type DisputeEvent = NonNullable<
  GeneratedOperations['sendDisputeEvent']['requestBody']
>['content']['application/json'];
