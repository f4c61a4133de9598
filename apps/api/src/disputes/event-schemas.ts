import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { EVENT_DTOS, EventBaseDto, HTTP_EVENT_TYPES, type HttpEventType } from './dto/event.dto';
import { getMetadataStorage } from 'class-validator';

/**
 * The event body in the OpenAPI document: a `oneOf` with one schema per event type, told apart
 * by `type`. Each is a copy of the schema @nestjs/swagger builds from the DTO class that
 * EventBodyPipe validates with (EVENT_DTOS), with `type` narrowed to that one value: a new
 * event type needs only its entry in EVENT_DTOS (and, if it likes, a line here).
 */

/** What each event does, shown on its schema. Optional: an event without one is still listed. */
export const EVENT_DESCRIPTIONS: Partial<Record<HttpEventType, string>> = {
  ACCEPT: 'yellow.awaitingAcceptance → yellow.jointReview: a judicial officer accepts the case',
  CONVENE_PANEL: 'red.convening → red.panelMediation, once all four institutions sit on it',
  REACH_AGREEMENT: 'The handler records the mediation agreement → agreed',
  ESCALATE: 'blue → yellow.awaitingAcceptance; yellow → red.convening',
  DOWNGRADE: 'yellow → blue.mediating; red → yellow.awaitingAcceptance',
  EMERGENCY_ESCALATE: 'blue or yellow → red.convening at once',
  REFER_TO_LITIGATION: 'red.panelMediation → closed (referred_to_litigation)',
  WITHDRAW:
    'Any open state → closed (withdrawn; settled_by_parties with ground settled_by_parties); after an agreement took effect → followUp (non-performance, PML Art. 31)',
  TRANSFER: 'Any open state → closed (transferred): handed to another agency',
  RECORD_REFUSAL: 'A party declines mediation → closed (refused); the other routes are recorded',
  EXTEND_DEADLINE: 'Moves the running deadline later, with every party consenting',
  SUSPEND: 'Any open state → suspended: every timer pauses',
  RESUME: 'suspended → where it was, timers re-armed with the time that was left',
  REQUEST_JUDICIAL_CONFIRMATION:
    'agreed or followUp → agreed.judicialConfirmation, within the 30-day window (PML Art. 33)',
  RECORD_CONFIRMATION: "agreed.judicialConfirmation → agreed, with the court's answer",
  RECORD_FOLLOW_UP: 'The follow-up visit: full → closed (resolved); partial or none → back',
};

/** `REQUEST_JUDICIAL_CONFIRMATION` → `RequestJudicialConfirmationEvent`. */
export function eventSchemaName(type: string): string {
  const words = type.toLowerCase().split('_');
  return `${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}Event`;
}

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

/** The request body of POST /disputes/{id}/events. */
export function eventBodySchema(): SchemaObject {
  return {
    oneOf: HTTP_EVENT_TYPES.map((type) => ref(eventSchemaName(type))),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(
        HTTP_EVENT_TYPES.map((type) => [type, ref(eventSchemaName(type)).$ref]),
      ),
    },
  };
}

/** The DTO classes to hand SwaggerModule as extra models, so their schemas get built. */
export const EVENT_DTO_CLASSES = [...new Set(Object.values(EVENT_DTOS))];

/** Adds one schema per event type, copied from its DTO's, and drops the shared originals. */
export function addEventSchemas(document: OpenAPIObject): void {
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = schemas;
  for (const type of HTTP_EVENT_TYPES) {
    const dto = EVENT_DTOS[type];
    const source = schemas[dto.name] as SchemaObject | undefined;
    if (source === undefined) throw new Error(`no OpenAPI schema for ${dto.name} (${type})`);
    const copy = structuredClone(source);
    copy.title = type;
    const description = EVENT_DESCRIPTIONS[type];
    if (description !== undefined) copy.description = description;
    copy.properties = {
      ...withValidatorLimits(dto, copy.properties ?? {}),
      type: { type: 'string', enum: [type] },
    };
    copy.required = ['type', ...(copy.required ?? []).filter((name) => name !== 'type')];
    schemas[eventSchemaName(type)] = copy;
  }
  // The shared classes (ReasonDto serves six types) would only be noise in the document.
  for (const dto of [...EVENT_DTO_CLASSES, EventBaseDto]) delete schemas[dto.name];
}

/** The class-validator limits that @ApiProperty does not carry, keyed as JSON Schema names them. */
const LIMITS: Readonly<Record<string, 'maxLength' | 'minLength' | 'maxItems' | 'minItems'>> = {
  maxLength: 'maxLength',
  minLength: 'minLength',
  arrayMaxSize: 'maxItems',
  arrayMinSize: 'minItems',
};

/**
 * The same limits the validation pipe enforces, from the DTO's own decorators (`@Text(200)`,
 * `@ArrayMaxSize(200)`), so the document cannot state a looser field than the server accepts.
 */
function withValidatorLimits(
  dto: new () => object,
  properties: Record<string, SchemaObject | ReferenceObject>,
): Record<string, SchemaObject | ReferenceObject> {
  const out = structuredClone(properties);
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const keyword = rule.name === undefined ? undefined : LIMITS[rule.name];
    const property = out[rule.propertyName];
    const limit: unknown = rule.constraints?.[0];
    if (keyword === undefined || rule.each || property === undefined || '$ref' in property)
      continue;
    if (typeof limit === 'number' && property[keyword] === undefined) property[keyword] = limit;
  }
  return out;
}
