import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldError, fieldErrorsException } from '../http/field-errors';
import { formatValidationErrors } from '../http/format-validation-errors';
import {
  EVENT_DTOS,
  HTTP_EVENT_TYPES,
  type EventBaseDto,
  type HttpEventType,
} from './dto/event.dto';

/**
 * An event body's shape depends on its `type`, so the DTO is chosen here rather than by the
 * global pipe: unknown, missing and wrongly typed fields are 400s naming the field.
 */
@Injectable()
export class EventBodyPipe implements PipeTransform<unknown, Promise<EventBaseDto>> {
  async transform(value: unknown): Promise<EventBaseDto> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw fieldError('body', 'body must be a JSON object');
    }
    const type = (value as { type?: unknown }).type;
    if (typeof type !== 'string' || !(HTTP_EVENT_TYPES as readonly string[]).includes(type)) {
      throw fieldError('type', `type must be one of: ${HTTP_EVENT_TYPES.join(', ')}`);
    }
    const dto = plainToInstance(EVENT_DTOS[type as HttpEventType], value);
    const errors = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    });
    if (errors.length > 0) throw fieldErrorsException(formatValidationErrors(errors));
    return dto;
  }
}
