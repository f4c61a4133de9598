import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { FieldError } from './error-body';
import { fieldError, fieldErrorsException } from './field-errors';
import { formatValidationErrors } from './format-validation-errors';

/** The global pipe: unknown fields are errors (a typo must not be silently dropped). */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Keep the offending values out of the error objects: they are never sent back.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => fieldErrorsException(formatValidationErrors(errors)),
  });
}

/** Deeper than any request DTO needs; class-transformer recurses and would overflow the stack. */
export const MAX_INPUT_DEPTH = 32;

// Nest's pipe silently strips `__proto__`, `constructor` and `prototype`, and class-transformer
// any key that names a method (`toString`, `valueOf`, …): the whitelist would never see them.
const FORBIDDEN_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Every body, query and path parameter, including those another pipe handles afterwards.
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problem = inputProblem(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problem !== null) throw fieldErrorsException([problem]);
    }
    // Left to class-validator, an array body reads as "property 0 should not exist".
    if (metadata.type === 'body' && Array.isArray(value) && this.toValidate(metadata)) {
      throw fieldError('body', 'body must be a JSON object');
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/**
 * What no request may carry, whatever its DTO: nesting deeper than MAX_INPUT_DEPTH; the key
 * `prototype` and keys named after Object.prototype's members (`__proto__`, `constructor`,
 * `toString`, …); NUL characters (PostgreSQL text cannot hold them). Walked iteratively, so a
 * deeply nested body cannot overflow the stack here either.
 */
export function inputProblem(value: unknown, rootPath = ''): FieldError | null {
  const stack: Walked[] = [{ value, key: rootPath, parent: null, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) {
        return fieldProblem(pathOf(item), 'must not contain NUL characters');
      }
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_INPUT_DEPTH) {
      return fieldProblem(
        pathOf(item, 1),
        `is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`,
      );
    }
    for (const key of Object.keys(item.value)) {
      const child: Walked = {
        value: (item.value as Record<string, unknown>)[key],
        key,
        parent: item,
        depth: item.depth + 1,
      };
      if (FORBIDDEN_KEYS.has(key)) {
        const path = pathOf(child);
        return { field: path, message: `property ${path} should not exist` };
      }
      stack.push(child);
    }
  }
  return null;
}

const fieldProblem = (field: string, what: string): FieldError => ({
  field,
  message: `${field} ${what}`,
});

interface Walked {
  value: unknown;
  key: string;
  parent: Walked | null;
  depth: number;
}

/** `parties.0.name`, from the root (first `segments` keys only), cut short: keys are the client's. */
function pathOf(item: Walked, segments = Infinity): string {
  const keys: string[] = [];
  for (let at: Walked | null = item; at !== null; at = at.parent) {
    if (at.key !== '') keys.unshift(at.key);
  }
  const path = keys.slice(0, segments).join('.');
  if (path === '') return 'body';
  return path.length <= 100 ? path : `${path.slice(0, 100)}…`;
}
