import type { ValidationError } from '@nestjs/common';
import { formatValidationErrors, MAX_VALIDATION_MESSAGES } from './format-validation-errors';

const leaf = (property: string, constraints: Record<string, string>): ValidationError => ({
  property,
  constraints,
  children: [],
});

describe('formatValidationErrors', () => {
  it('keeps top-level messages as class-validator wrote them', () => {
    expect(formatValidationErrors([leaf('title', { isString: 'title must be a string' })])).toEqual(
      ['title must be a string'],
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
      'parties.0.name must be a string',
      'property parties.0.foo should not exist',
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
    expect(formatValidationErrors(errors)).toEqual([
      'each value in a.tags must be a string',
      'a.kind: pick one of the listed kinds',
    ]);
  });

  it('caps the number of messages', () => {
    const errors = Array.from({ length: MAX_VALIDATION_MESSAGES + 5 }, (_, i) =>
      leaf(`f${i}`, { isString: `f${i} must be a string` }),
    );
    const messages = formatValidationErrors(errors);
    expect(messages).toHaveLength(MAX_VALIDATION_MESSAGES + 1);
    expect(messages.at(-1)).toBe('... and 5 more');
  });
});
