import { ValidateBy } from 'class-validator';

/**
 * Control characters (other than tab and line breaks) and the bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) that make a name or title display differently from
 * what is stored: "Trojan Source" tricks in a case file, or a log line that rewrites itself.
 */
export function unsafeCharacter(value: string): string | undefined {
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c < 0xa0);
    const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    if (control || bidi) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/** Refuses control and bidirectional-override characters (see unsafeCharacter). */
export const PlainText = (): PropertyDecorator =>
  ValidateBy({
    name: 'plainText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !unsafeCharacter(value),
      defaultMessage: (args) =>
        `${args?.property ?? 'text'} must not contain control or bidirectional-override characters (found ${unsafeCharacter(String(args?.value)) ?? ''})`,
    },
  });
