import type { ValidationError } from '@nestjs/common';
import type { FieldError } from './error-body';
import { fieldCodeOf } from './field-codes';

/**
 * Flattens class-validator's error tree into field problems that name the full path of the
 * field, e.g. `parties.0.name must be a string` or `property parties.1.foo should not exist`.
 */
export function formatValidationErrors(errors: readonly ValidationError[]): FieldError[] {
  const out: FieldError[] = [];
  collect(errors, '', out);
  return out;
}

function collect(errors: readonly ValidationError[], parentPath: string, out: FieldError[]): void {
  for (const error of errors) {
    const path = parentPath === '' ? error.property : `${parentPath}.${error.property}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({
        field: path,
        message: withPath(constraint, message, error.property, path),
        code: fieldCodeOf(constraint),
      });
    }
    collect(error.children ?? [], path, out);
  }
}

// class-validator's messages start with the bare property name; swap it for the full path.
function withPath(constraint: string, message: string, property: string, path: string): string {
  if (constraint === 'whitelistValidation') return `property ${path} should not exist`;
  for (const prefix of ['', 'each value in ']) {
    if (message.startsWith(`${prefix}${property} `)) {
      return `${prefix}${path}${message.slice(prefix.length + property.length)}`;
    }
  }
  return `${path}: ${message}`;
}
