import type { BreachRisk, DeadlineWatch, Status, Tier } from '@tricolor/workflow';

export interface SupervisionNoticeView {
  id: string;
  disputeId: string;
  issuedBy: string;
  reason: string;
  dueBy: string;
  issuedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  acknowledgement: string | null;
  /** Not yet acknowledged. */
  open: boolean;
}

export interface WatchedCase {
  id: string;
  reference: string;
  title: string;
  tier: Tier;
  status: Status;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  risk: BreachRisk;
  deadline: DeadlineWatch;
  openNotices: number;
}

export interface UnitWatch {
  /** The community the cases are in. */
  unitCode: string;
  atRisk: number;
  overdue: number;
}

export interface WatchList {
  generatedAt: string;
  /** SUPERVISION_SHARE: the last share of a window that counts as about to breach. */
  share: number;
  units: UnitWatch[];
  cases: WatchedCase[];
  /** True when more open cases qualified than the list returns. */
  truncated: boolean;
}
