import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  INSTITUTIONS,
  OUTCOMES,
  PARTY_ROLES,
  STATUSES,
  TIERS,
  type Institution,
  type Outcome,
  type PartyRole,
  type Status,
  type Tier,
} from '@tricolor/workflow';
import { DateTime, Integer, NullableDateTime, NullableString, OneOf } from '../../http/schema-kit';
import { LocationDto } from './open-dispute.dto';

// The case as the API returns it (DisputeView in libs/core), for the OpenAPI document. The e2e
// suites validate every response against the document, so these cannot drift from the server.

/** Timed states: where a deadline can run. */
export const TIMED_STATES = [
  'blue.mediating',
  'yellow.awaitingAcceptance',
  'yellow.jointReview',
  'red.convening',
  'red.panelMediation',
  'agreed',
] as const;

export const TIMER_KINDS = [
  'deadline',
  'reminder',
  'follow_up',
  'confirmation_window',
  'confirmation_reminder',
] as const;

@ApiSchema({ name: 'Representative', description: 'A guardian (监护人) or agent (代理人)' })
export class RepresentativeResponse {
  @ApiProperty({ description: '`p<n>-g` (guardian) or `p<n>-a` (agent): signature lists name it' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['guardian', 'agent'] })
  kind: string;

  @ApiPropertyOptional({ description: 'Relation to the party, as given' })
  relation?: string;
}

@ApiSchema({ name: 'Signature', description: 'Who signed an agreement for a party' })
export class SignatureResponse {
  @ApiProperty() partyId: string;
  @ApiProperty({ description: 'The party’s id, or their guardian’s or agent’s' }) signedBy: string;
  @ApiProperty({ enum: ['party', 'guardian', 'agent'] }) as: string;
}

@ApiSchema({ name: 'Party' })
export class PartyResponse {
  @ApiProperty({ description: 'Stable within the case (`p1`, `p2`, …): events name parties by it' })
  id: string;

  @ApiProperty()
  name: string;

  @OneOf(PARTY_ROLES)
  role: PartyRole;

  @ApiPropertyOptional({
    description: 'Masked (`*******8000`) for anyone not handling the case',
  })
  phone?: string;

  @ApiPropertyOptional({ description: 'Masked for anyone not handling the case' })
  idNumber?: string;

  @ApiPropertyOptional({
    enum: ['full', 'minor', 'incapacitated'],
    description: '民法典 Arts. 19–24; absent: full capacity',
  })
  capacity?: string;

  @ApiPropertyOptional({
    type: RepresentativeResponse,
    nullable: true,
    description: 'PML Art. 23: the guardian or agent who acts and signs for the party',
  })
  representative?: RepresentativeResponse | null;
}

@ApiSchema({ name: 'Deadline', description: 'A running clock of the case (reminders left out)' })
export class DeadlineResponse {
  @ApiProperty({ description: 'The timer (see GET /disputes/{id}/timers)' })
  timerId: string;

  @OneOf(TIMER_KINDS)
  kind: string;

  @DateTime()
  dueAt: string;

  @OneOf(TIMED_STATES, { description: 'The state it runs in' })
  state: string;

  @ApiPropertyOptional({
    enum: ['working_time'],
    description: 'Counted on the business calendar (e.g. 3WD); absent for wall-clock time',
  })
  countedIn?: 'working_time';

  @ApiPropertyOptional({
    description: 'The count reached a year with no calendar data and fell back to calendar days',
  })
  calendarWarning?: string;
}

@ApiSchema({ name: 'PanelMember' })
export class PanelMemberResponse {
  @ApiProperty()
  userId: string;

  @OneOf(INSTITUTIONS)
  institution: Institution;
}

@ApiSchema({ name: 'Agreement', description: 'The mediation agreement (调解协议), once reached' })
export class AgreementResponse {
  @OneOf(TIERS, { description: 'The tier that reached it' })
  tier: Tier;

  @ApiProperty()
  terms: string;

  @NullableDateTime()
  performanceDueAt: string | null;

  @ApiProperty({ type: [String] })
  signedByPartyIds: string[];

  @DateTime()
  reachedAt: string;

  @ApiProperty({ description: 'The user who recorded it' })
  reachedBy: string;

  @DateTime('The end of the 30 days for a judicial confirmation (Art. 33)')
  confirmationWindowEndsAt: string;

  @OneOf(['pending', 'confirmed', 'refused'], { nullable: true })
  confirmation: 'pending' | 'confirmed' | 'refused' | null;

  // The law v2 record (docs/law.md); the nested ones are not described field by field yet.
  @ApiPropertyOptional({ description: 'written or oral' }) form?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) organisation?: string | null;
  @ApiPropertyOptional({ type: [String] }) mediatorIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) facts?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) issues?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sealedAt?: string | null;
  @ApiPropertyOptional() effectiveAt?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  request?: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  result?: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } })
  nonPerformance?: Record<string, unknown>[];

  @ApiPropertyOptional({ type: [String] }) urgedAt?: string[];

  @ApiPropertyOptional({
    type: [SignatureResponse],
    description:
      'Machine version 3: each party’s signature, by the party or their guardian or agent',
  })
  signatures?: SignatureResponse[];
}

@ApiSchema({ name: 'Escalation' })
export class EscalationResponse {
  @OneOf(TIERS)
  from: Tier;

  @OneOf(TIERS)
  to: Tier;

  @ApiProperty()
  reason: string;

  @DateTime()
  at: string;

  @ApiProperty({ description: 'Raised by a timer rather than a person' })
  automatic: boolean;
}

@ApiSchema({ name: 'MatchedIndicator' })
export class MatchedIndicatorResponse {
  @ApiProperty({ example: 'threat_of_violence' })
  code: string;

  @ApiProperty({ example: 'threat of violence' })
  label: string;

  @ApiProperty({ minimum: 0 })
  weight: number;

  @OneOf(['checklist', 'amount', 'partyCount'], {
    description: 'Ticked by the opener, or matched from the amount or the number of parties',
  })
  matchedBy: string;
}

@ApiSchema({ name: 'TriageThresholds' })
export class TriageThresholdsResponse {
  @ApiProperty({ description: 'Score from which yellow is suggested' })
  yellow: number;

  @ApiProperty({ description: 'Score from which red is suggested' })
  red: number;
}

@ApiSchema({
  name: 'RiskAssessment',
  description: 'The intake triage: the suggestion, the choice and why',
})
export class RiskAssessmentResponse {
  @ApiProperty({ minimum: 0 })
  score: number;

  @OneOf(TIERS)
  suggestedTier: Tier;

  @OneOf(TIERS)
  chosenTier: Tier;

  @ApiProperty({ type: [MatchedIndicatorResponse], description: 'In checklist order' })
  matched: MatchedIndicatorResponse[];

  @Integer('How many indicators the checklist has')
  total: number;

  @ApiProperty({ type: TriageThresholdsResponse })
  thresholds: TriageThresholdsResponse;

  @ApiProperty({ example: 'matched 1 of 15 indicators: threat of violence (8)' })
  explanation: string;

  @ApiPropertyOptional({ description: 'Why a tier below the suggestion was chosen' })
  tierReason?: string;

  @ApiProperty({ description: 'The chosen tier is below the suggested one' })
  downgraded: boolean;
}

@ApiSchema({ name: 'Dispute', description: 'A case, as the caller may see it' })
export class DisputeResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'TC-20261129-0000002A' })
  reference: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  category: string;

  @ApiProperty()
  gridCode: string;

  @ApiProperty()
  communityCode: string;

  @ApiProperty()
  streetCode: string;

  @OneOf(TIERS, { description: 'The tier it is at, or was closed at' })
  tier: Tier;

  @OneOf(TIERS)
  highestTier: Tier;

  @OneOf(STATUSES)
  status: Status;

  @OneOf(OUTCOMES, { nullable: true, description: 'Set when closed' })
  outcome: Outcome | null;

  @ApiProperty({ description: 'A deadline passed without the case moving on' })
  overdue: boolean;

  @Integer('Goes up by one with every event; send it as expectedVersion', 1)
  version: number;

  @ApiProperty({ type: [PartyResponse] })
  parties: PartyResponse[];

  @ApiProperty({ type: Number, nullable: true, description: 'Amount at stake, in yuan' })
  amount: number | null;

  @ApiProperty({ type: RiskAssessmentResponse })
  riskAssessment: RiskAssessmentResponse;

  @ApiProperty({ type: [DeadlineResponse], description: 'Running clocks, soonest first' })
  deadlines: DeadlineResponse[];

  @NullableDateTime('The soonest clock that moves the case')
  nextDeadlineAt: string | null;

  @OneOf(STATUSES, { nullable: true, description: 'Where a suspended case resumes' })
  suspendedFrom: Status | null;

  @NullableString('The judicial officer who accepted it (yellow)')
  officerId: string | null;

  @NullableString('The lawyer named on acceptance (yellow)')
  lawyerId: string | null;

  @ApiProperty({ type: [PanelMemberResponse] })
  panel: PanelMemberResponse[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "What the People's Mediation Law has the case record (consents, notices, police reports, " +
      'recusals, …; docs/law.md). Its members are not described field by field yet.',
  })
  law: Record<string, unknown>;

  @ApiProperty({
    enum: ['people', 'police', 'court'],
    description:
      '人民调解 / 治安调解 / 诉前·法院调解: which body counts the case, so none is counted three times',
  })
  mediationType: string;

  @ApiProperty({
    description:
      'PML Art. 23: mediated not in public at a party’s request; the weekly agenda shows no title or reason',
  })
  private: boolean;

  @ApiProperty({ type: AgreementResponse, nullable: true })
  agreement: AgreementResponse | null;

  @ApiProperty({ type: EscalationResponse, nullable: true })
  lastEscalation: EscalationResponse | null;

  @NullableString()
  closingReason: string | null;

  @ApiProperty({ type: String, nullable: true })
  linkedCaseId: string | null;

  @NullableString('The 社情 report the case was opened from')
  reportId: string | null;

  @ApiProperty({ type: LocationDto, nullable: true, description: 'Where the case is (WGS 84)' })
  location: LocationDto | null;

  @ApiProperty({ description: 'The user who opened it' })
  openedBy: string;

  @DateTime()
  createdAt: string;

  @DateTime()
  updatedAt: string;

  @NullableDateTime()
  closedAt: string | null;
}
