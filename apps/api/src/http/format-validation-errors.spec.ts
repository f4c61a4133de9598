import type { ValidationError } from '@nestjs/common';
import { fieldErrorsException, MAX_FIELD_ERRORS } from './field-errors';
import { formatValidationErrors } from './format-validation-errors';

const leaf = (property: string, constraints: Record<string, string>): ValidationError => ({
  property,
  constraints,
  children: [],
});

describe('formatValidationErrors', () => {
  it('keeps top-level messages as class-validator wrote them', () => {
    expect(formatValidationErrors([leaf('title', { isString: 'title must be a string' })])).toEqual(
      [{ field: 'title', message: 'title must be a string', code: 'MUST_BE_TEXT' }],
    );
  });

  it('names the full path of a nested array item', () => {
    const errors: ValidationError[] = [
      {
        property: 'parties',
        children: [
          {
            property: '0',
            children: [
              leaf('name', { isString: 'name must be a string' }),
              leaf('foo', { whitelistValidation: 'property foo should not exist' }),
            ],
          },
        ],
      },
    ];
    expect(formatValidationErrors(errors)).toEqual([
      { field: 'parties.0.name', message: 'parties.0.name must be a string', code: 'MUST_BE_TEXT' },
      {
        field: 'parties.0.foo',
        message: 'property parties.0.foo should not exist',
        code: 'UNKNOWN_FIELD',
      },
    ]);
  });

  it('rewrites "each value in" messages and prefixes messages that do not start with the field', () => {
    const errors: ValidationError[] = [
      {
        property: 'a',
        children: [
          leaf('tags', { isString: 'each value in tags must be a string' }),
          leaf('kind', { custom: 'pick one of the listed kinds' }),
        ],
      },
    ];
    expect(formatValidationErrors(errors).map((e) => e.message)).toEqual([
      'each value in a.tags must be a string',
      'a.kind: pick one of the listed kinds',
    ]);
  });

  it('caps the number of field problems, saying how many were left out', () => {
    const errors = Array.from({ length: MAX_FIELD_ERRORS + 5 }, (_, i) =>
      leaf(`f${i}`, { isString: `f${i} must be a string` }),
    );
    const response = fieldErrorsException(formatValidationErrors(errors)).getResponse() as {
      message: string;
      errors: unknown[];
    };
    expect(response.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(response.message).toMatch(
      /^f0 must be a string; f1 must be a string; .*; \.\.\. and 5 more$/,
    );
  });
});
