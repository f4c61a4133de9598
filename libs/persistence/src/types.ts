// Types only: persistence stores the workflow's vocabulary but never runs the workflow.
export type {
  Institution,
  MediationType,
  Outcome,
  PartyCapacity,
  RepresentativeKind,
  PartyRole,
  Performance,
  PersistedWorkflow,
  RiskAssessment,
  Role,
  Status,
  Tier,
  UnitKind,
} from '@tricolor/workflow';

/**
 * A JSON object as stored in a `simple-json` column: written with JSON.stringify, so Dates inside
 * come back as ISO strings. `object` rather than `Record<string, unknown>` so interfaces fit and
 * TypeORM's insert/update typings accept it.
 */
export type JsonObject = object;

export type TimerStatus = 'scheduled' | 'fired' | 'cancelled';
export type ConfirmationStatus = 'pending' | 'confirmed' | 'refused';
