import { Injectable } from '@nestjs/common';
import {
  AgendaEntity,
  HeavyReads,
  TransactionRunner,
  UnitEntity,
  newId,
} from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { asRow } from '../as-row';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { agendaRefusal } from './agenda-access';
import { AGENDA_LIST_CAP, pageAgenda } from './agenda-page';
import { assembleAgenda, buildSections } from './agenda-builder';
import { readAgendaSources, type AgendaPlace } from './agenda-sources';
import type { Agenda, AgendaSummary } from './agenda.types';

export interface ReadAgendaOptions {
  /** Build a new agenda even when one is stored. */
  fresh?: boolean;
  /** The clock for a new agenda; tests pass their own. */
  now?: Date;
  /**
   * Called before a requested rebuild (fresh), after the unit and the caller's access to it
   * were checked: the API refuses or rate-limits rebuilds here (issue 9).
   */
  beforeRebuild?: () => Promise<void>;
}

/**
 * The weekly joint-meeting agenda (DESIGN.md §5): open, overdue and recently escalated cases of
 * a community, or of a street grouped per community. Every agenda built is stored, so the
 * meeting discusses exactly what was generated for it.
 */
/** Agendas kept parsed in memory: a few streets' and communities' latest. */
const PARSED_AGENDAS = 16;

@Injectable()
export class AgendaService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jurisdiction: JurisdictionService,
    private readonly heavy: HeavyReads,
  ) {}

  /** Stored agendas' content by id, as read: callers page it into new objects, never change it. */
  private readonly parsed = new Map<string, Agenda>();

  /** Builds, stores and returns the agenda of a community or street as of `now`. */
  async build(unitCode: string, now: Date = new Date()): Promise<Agenda> {
    const place = await this.agendaPlace(unitCode);
    const sources = await readAgendaSources(this.heavy.manager(), place, now);
    const header = { id: newId(), kind: place.kind, unit: sources.unit, now };
    const agenda = assembleAgenda(header, buildSections(sources, now));
    return this.tx.run((m) => store(m, agenda));
  }

  /**
   * The most recently generated agenda of a unit, or null when none was ever made. A stored
   * agenda never changes: its parsed content is kept by id (PARSED_AGENDAS of them), so a read
   * costs one indexed lookup of the newest id rather than reading and parsing the whole stored
   * agenda (up to 1,000 items a list) on the API's thread each time (issue 9, finding 6).
   */
  async latest(unitCode: string): Promise<Agenda | null> {
    const newest = await this.tx.run((m) =>
      m.findOne(AgendaEntity, {
        select: { id: true },
        where: { unitCode },
        order: { generatedAt: 'DESC', id: 'DESC' },
      }),
    );
    if (!newest) return null;
    const kept = this.parsed.get(newest.id);
    if (kept) return kept;
    const row = await this.tx.run((m) => m.findOne(AgendaEntity, { where: { id: newest.id } }));
    if (!row) return null;
    const agenda = row.content as Agenda;
    this.parsed.set(newest.id, agenda);
    // Oldest first out (a Map keeps insertion order).
    for (const id of this.parsed.keys()) {
      if (this.parsed.size <= PARSED_AGENDAS) break;
      this.parsed.delete(id);
    }
    return agenda;
  }

  /**
   * The weekly job: one agenda per street and per community. Each street is read once, and its
   * communities' agendas are cut from the same picture.
   */
  async buildAll(now: Date = new Date()): Promise<AgendaSummary[]> {
    const streets = await this.tx.run((m) =>
      m.find(UnitEntity, { where: { kind: 'street' }, order: { code: 'ASC' } }),
    );
    const summaries: AgendaSummary[] = [];
    for (const street of streets) summaries.push(...(await this.buildStreet(street.code, now)));
    return summaries;
  }

  /** What GET /agenda answers: the stored agenda unless none exists or a fresh one is asked for. */
  async read(actor: Actor, unitCode: string, options: ReadAgendaOptions = {}): Promise<Agenda> {
    const place = await this.agendaPlace(unitCode);
    const refusal = agendaRefusal(actor, place);
    if (refusal) throw new ForbiddenError(refusal);
    if (!options.fresh) {
      const stored = await this.latest(place.code);
      if (stored) return stored;
    } else {
      await options.beforeRebuild?.();
    }
    return this.build(place.code, options.now);
  }

  private async buildStreet(streetCode: string, now: Date): Promise<AgendaSummary[]> {
    const place = await this.agendaPlace(streetCode);
    const sources = await readAgendaSources(this.heavy.manager(), place, now);
    const sections = buildSections(sources, now);
    const agendas = [
      assembleAgenda({ id: newId(), kind: 'street', unit: sources.unit, now }, sections),
      ...sections.map((s) =>
        assembleAgenda({ id: newId(), kind: 'community', unit: s.community, now }, [s]),
      ),
    ];
    return this.tx.run(async (m) => {
      const stored: Agenda[] = [];
      for (const agenda of agendas) stored.push(await store(m, agenda));
      return stored.map(summaryOf);
    });
  }

  private async agendaPlace(unitCode: string): Promise<AgendaPlace> {
    const place = await this.jurisdiction.placeOf(unitCode);
    if (!place) throw NotFoundError.of('unit', unitCode);
    if (place.kind === 'grid') {
      throw new InvalidInputError('unit', `must be a community or street: ${unitCode} is a grid`);
    }
    return { ...place, kind: place.kind };
  }
}

async function store(m: EntityManager, agenda: Agenda): Promise<Agenda> {
  // Stored (and answered) with each list capped: the most urgent first, counts whole.
  const capped = pageAgenda(agenda, { offset: 0, limit: AGENDA_LIST_CAP }).agenda;
  await m.insert(
    AgendaEntity,
    asRow<AgendaEntity>({
      id: capped.id,
      unitCode: capped.unit.code,
      generatedAt: new Date(capped.generatedAt),
      content: capped,
    }),
  );
  return capped;
}

const summaryOf = (agenda: Agenda): AgendaSummary => ({
  id: agenda.id,
  unitCode: agenda.unit.code,
  kind: agenda.kind,
  generatedAt: agenda.generatedAt,
  counts: agenda.counts,
});
