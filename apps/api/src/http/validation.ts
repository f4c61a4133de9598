import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { formatValidationErrors } from './format-validation-errors';

/** The global pipe: unknown fields are errors (a typo must not be silently dropped). */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Keep the offending values out of the error objects: they are never sent back.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(formatValidationErrors(errors)),
  });
}

class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Left to class-validator, an array body reads as "property 0 should not exist".
    if (metadata.type === 'body' && Array.isArray(value) && this.toValidate(metadata)) {
      throw new BadRequestException(['body must be a JSON object']);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}
