import { Injectable } from '@nestjs/common';
import { DisputeEntity, TransactionRunner } from '@tricolor/persistence';
import { isHandler, type Actor } from '@tricolor/workflow';
import { ForbiddenError } from '../domain-errors';
import { CaseAnnotations } from '../disputes/case-annotations.service';
import { loadVisibleDispute } from '../disputes/dispute-finder';
import { toDisputeView, type DisputeView } from '../disputes/dispute-view';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';

/**
 * Places a case on the map after it was opened (picked on the map, or a better GPS fix). The
 * move is a `LOCATION_SET` record on the case's hash-chained trail, committed with the new
 * coordinates; the case's version goes up as for any record.
 */
@Injectable()
export class CaseLocationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly annotations: CaseAnnotations,
  ) {}

  async set(
    actor: Actor,
    disputeId: string,
    location: { lon: number; lat: number },
    expectedVersion?: number,
    at = new Date(),
  ): Promise<DisputeView> {
    return this.tx.run(async (m) => {
      const dispute = await loadVisibleDispute(m, this.jurisdiction, actor, disputeId);
      const { location: place } = dispute.snapshot.context;
      const may =
        actor.role === 'admin' ||
        (dispute.status !== 'closed' && isHandler(dispute.snapshot.context, actor)) ||
        (actor.role === 'community_police' && actor.communityCode === place.communityCode) ||
        (actor.role === 'supervisor' && actor.streetCode === place.streetCode);
      if (!may) {
        throw new ForbiddenError(
          `only the case's handlers, the police of community ${place.communityCode} or the supervisors of street ${place.streetCode} place it on the map`,
        );
      }
      const { version } = await this.annotations.recordWithin(m, {
        actor,
        disputeId,
        type: 'LOCATION_SET',
        payload: { lon: location.lon, lat: location.lat },
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
        at,
      });
      await m.update(DisputeEntity, { id: disputeId }, { lon: location.lon, lat: location.lat });
      return toDisputeView(
        { ...dispute, lon: location.lon, lat: location.lat, version, updatedAt: at },
        actor,
      );
    });
  }
}
