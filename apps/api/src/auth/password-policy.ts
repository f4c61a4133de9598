import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 10;

const COMMON = new Set(COMMON_PASSWORDS);

/**
 * What is wrong with a new password, or undefined: at least 10 characters, not the username
 * (in any case, nor the username with digits around it), not a well-known password.
 */
export function passwordProblem(password: string, username: string): string | undefined {
  const normalized = password.normalize('NFKC');
  if ([...normalized].length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  const lower = normalized.toLowerCase();
  const name = username.toLowerCase();
  if (lower === name || lower.replace(/^\d+|\d+$/g, '') === name || lower.includes(name + name)) {
    return 'must not be the username';
  }
  if (COMMON.has(lower) || /^(.)\1+$/.test(lower)) {
    return 'is a well-known password: choose another';
  }
  return undefined;
}
