import { Injectable } from '@nestjs/common';
import { PersonalDataReadEntity, TransactionRunner, newId } from '@tricolor/persistence';
import type { DisputeView } from '../disputes/dispute-view';

/** Whether a view shows any party's phone or ID number unmasked (masked ones start with `*`). */
export const showsNumbers = (view: Pick<DisputeView, 'parties'>): boolean =>
  view.parties.some(
    (p) =>
      (p.phone !== undefined && !p.phone.startsWith('*')) ||
      (p.idNumber !== undefined && !p.idNumber.startsWith('*')),
  );

/**
 * Records every answer that showed a party's numbers unmasked: who, when, which case, through
 * which request. One insert per answer (a list page is one statement for all its cases).
 */
@Injectable()
export class PersonalDataReads {
  constructor(private readonly tx: TransactionRunner) {}

  async record(userId: string, views: readonly DisputeView[], via: string): Promise<void> {
    const shown = views.filter(showsNumbers);
    if (shown.length === 0) return;
    const at = new Date();
    // One INSERT, atomic by itself: on PostgreSQL without BEGIN and COMMIT.
    await this.tx.runSingleWrite((m) =>
      m.insert(
        PersonalDataReadEntity,
        shown.map((v) => ({ id: newId(), disputeId: v.id, userId, at, via })),
      ),
    );
  }
}
