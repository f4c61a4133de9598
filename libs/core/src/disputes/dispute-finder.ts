import { DisputeEntity } from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../domain-errors';
import type { JurisdictionService } from '../jurisdiction/jurisdiction.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads a case the actor may see; any other case does not exist for them (§4). */
export async function loadVisibleDispute(
  m: EntityManager,
  jurisdiction: JurisdictionService,
  actor: Actor,
  id: string,
): Promise<DisputeEntity> {
  const notFound = NotFoundError.of('dispute', id);
  if (!UUID.test(id)) throw notFound;
  const qb = m.createQueryBuilder(DisputeEntity, 'd').where('d.id = :id', { id });
  const dispute = await jurisdiction.scope(qb, actor).getOne();
  if (!dispute) throw notFound;
  return dispute;
}
