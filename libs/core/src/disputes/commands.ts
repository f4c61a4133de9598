import type { PartyRole, Status, Tier } from '@tricolor/workflow';

/** What opening a dispute takes (DESIGN.md §6); the HTTP DTO validates this shape. */
export interface OpenDisputeCommand {
  title: string;
  description: string;
  category: string;
  gridCode: string;
  parties: { name: string; role: PartyRole; phone?: string; idNumber?: string }[];
  amount?: number;
  riskIndicators: string[];
  requestedTier?: Tier;
  tierReason?: string;
  linkedCaseId?: string;
}

export interface ListDisputesFilter {
  tier?: Tier;
  status?: Status;
  unit?: string;
  overdue?: boolean;
  text?: string;
  page?: number;
  pageSize?: number;
  /** A `nextCursor` from an earlier page of the same list: the items after it (keyset paging). */
  after?: string;
}
