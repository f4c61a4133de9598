import type { IntakePrefill } from '@tricolor/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { OpenDisputeDto } from '../disputes/dto/open-dispute.dto';
import { fieldErrorsException } from '../http/field-errors';
import { formatValidationErrors } from '../http/format-validation-errors';

/**
 * Holds the pre-filled and completed intake form to exactly the rules of POST /disputes, so a
 * converted report cannot open a case that the form would refuse (e.g. fewer than two parties).
 */
export async function checkIntake(form: IntakePrefill): Promise<IntakePrefill> {
  const dto = plainToInstance(OpenDisputeDto, form);
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw fieldErrorsException(formatValidationErrors(errors));
  return form;
}
