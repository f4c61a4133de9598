import { ApiProperty } from '@nestjs/swagger';

// Small shorthands for response schemas, so a DTO reads as a list of fields.

/** A timestamp as the API writes it: ISO 8601 in UTC, e.g. `2026-03-04T08:00:00.000Z`. */
export const DateTime = (description?: string): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date-time', ...(description ? { description } : {}) });

export const NullableDateTime = (description?: string): PropertyDecorator =>
  ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    ...(description ? { description } : {}),
  });

export const NullableString = (description?: string): PropertyDecorator =>
  ApiProperty({ type: String, nullable: true, ...(description ? { description } : {}) });

export const Integer = (description?: string, minimum = 0): PropertyDecorator =>
  ApiProperty({ type: 'integer', minimum, ...(description ? { description } : {}) });

/** One of a list of words; `nullable` adds null to the values. */
export const OneOf = (
  values: readonly string[],
  options: { description?: string; nullable?: boolean; name?: string } = {},
): PropertyDecorator =>
  ApiProperty({
    type: String,
    enum: [...values],
    ...(options.name ? { enumName: options.name } : {}),
    ...(options.nullable ? { nullable: true } : {}),
    ...(options.description ? { description: options.description } : {}),
  });

/** `{resolved: n, withdrawn: n, …}`: one integer per word of the list, all present. */
export const CountsOf = (keys: readonly string[], description?: string): PropertyDecorator =>
  ApiProperty({
    type: 'object',
    ...(description ? { description } : {}),
    properties: Object.fromEntries(keys.map((k) => [k, { type: 'integer', minimum: 0 }])),
    required: [...keys],
    // The `required` list above is the object's own; without this the property itself would
    // be left out of its parent's `required`, though it is always sent.
    selfRequired: true,
  });

/**
 * `{[key]: n}` over keys that are data, not a fixed list (sources, categories as configured):
 * only the keys that occur are sent.
 */
export const CountsBy = (description: string): PropertyDecorator =>
  ApiProperty({
    type: 'object',
    description,
    additionalProperties: { type: 'integer', minimum: 0 },
  });
