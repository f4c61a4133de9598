import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@tricolor/persistence';
import {
  describeNext,
  type Actor,
  type Lang,
  type NextStep,
  type Status,
} from '@tricolor/workflow';
import { loadVisibleDispute } from '../disputes/dispute-finder';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';

export interface NextView {
  disputeId: string;
  status: Status;
  lang: Lang;
  steps: NextStep[];
}

/** GET /disputes/:id/next: what happens next to a case, from its armed timers. */
@Injectable()
export class NextSteps {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  async of(actor: Actor, disputeId: string, lang: Lang): Promise<NextView> {
    const dispute = await this.tx.run((m) =>
      loadVisibleDispute(m, this.jurisdiction, actor, disputeId),
    );
    return {
      disputeId,
      status: dispute.status,
      lang,
      steps: describeNext(dispute.snapshot.context, dispute.status, lang),
    };
  }
}
