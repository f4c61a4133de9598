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
  /** Where the case is (WGS 84 degrees), from the phone or picked on the map. */
  location?: { lon: number; lat: number };
  /** The 社情 report it is opened from; set only by converting the report, never from a body. */
  reportId?: string;
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
