import { ValidateBy, type ValidationArguments } from 'class-validator';
import { parseWorkingSpan } from '@tricolor/workflow';
import { parseIsoDuration } from './iso-duration';

/** Describes what is wrong with a raw value, or returns undefined when it is acceptable. */
export type Problem = (value: string) => string | undefined;

/** A class-validator rule whose message names the variable and quotes the value it refused. */
export function EnvRule(name: string, problem: Problem): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && problem(value) === undefined,
      defaultMessage: (args?: ValidationArguments) => {
        const value = String(args?.value);
        return `${args?.property}: "${value}" ${problem(value) ?? 'is not valid'}`;
      },
    },
  });
}

const integerIn =
  (min: number, max: number): Problem =>
  (value) =>
    /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
      ? undefined
      : `is not an integer from ${min} to ${max}`;

const urlWith =
  (...protocols: string[]): Problem =>
  (value) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    return url && protocols.includes(url.protocol)
      ? undefined
      : `is not a ${protocols.map((p) => `${p}//`).join(' or ')} URL`;
  };

const positiveDuration: Problem = (value) => {
  try {
    return parseIsoDuration(value) > 0 ? undefined : 'is not a positive duration';
  } catch (error) {
    // parseIsoDuration's message quotes the value itself; keep only the explanation.
    return (error as Error).message.replace(/^"[^"]*" /, '');
  }
};

/** A timer setting: an ISO 8601 duration, or working time on the business calendar. */
const deadline: Problem = (value) => {
  if (parseWorkingSpan(value) !== null) return undefined;
  const problem = positiveDuration(value);
  return problem && `${problem} (nor working time: 3WD working days, 4WH working hours)`;
};

const ratio: Problem = (value) => {
  const n = Number(value);
  return value !== '' && Number.isFinite(n) && n > 0 && n < 1
    ? undefined
    : 'is not a number between 0 and 1 (exclusive)';
};

const oneOf =
  (...choices: string[]): Problem =>
  (value) =>
    choices.includes(value) ? undefined : `is not one of ${choices.join(', ')}`;

const timeZone: Problem = (value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return undefined;
  } catch {
    return 'is not an IANA time zone';
  }
};

// Five or six cron fields (BullMQ accepts an optional seconds field); cron-parser checks the rest.
const cron: Problem = (value) =>
  /^[\d*/,\-?LW#A-Za-z]+(\s+[\d*/,\-?LW#A-Za-z]+){4,5}$/.test(value)
    ? undefined
    : 'is not a cron expression of five or six fields';

const noSpaces: Problem = (value) =>
  /^\S+$/.test(value) ? undefined : 'must not be empty or contain spaces';

export const IsIntegerIn = (min: number, max: number) =>
  EnvRule('isIntegerIn', integerIn(min, max));
export const IsUrlWith = (...protocols: string[]) => EnvRule('isUrlWith', urlWith(...protocols));
export const IsPositiveDuration = () => EnvRule('isPositiveDuration', positiveDuration);
export const IsRatio = () => EnvRule('isRatio', ratio);
export const IsDeadline = () => EnvRule('isDeadline', deadline);
export const IsOneOf = (...choices: string[]) => EnvRule('isOneOf', oneOf(...choices));
export const IsTimeZone = () => EnvRule('isTimeZone', timeZone);
export const IsCron = () => EnvRule('isCron', cron);
export const HasNoSpaces = () => EnvRule('hasNoSpaces', noSpaces);

const hostPortList: Problem = (value) =>
  value.split(',').every((part) => /^[\w.-]+:\d{1,5}$/.test(part.trim()))
    ? undefined
    : 'is not a list of host:port';
export const IsHostPortList = () => EnvRule('isHostPortList', hostPortList);
