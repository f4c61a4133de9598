import type { ValueTransformer } from 'typeorm';
import { fieldCipher } from './field-cipher';

interface WithNumbers {
  phone?: string;
  idNumber?: string;
}

const each = (value: unknown, f: (s: string) => string): unknown =>
  Array.isArray(value)
    ? value.map((p: unknown) => {
        if (typeof p !== 'object' || p === null) return p;
        const party = { ...(p as WithNumbers) };
        if (typeof party.phone === 'string') party.phone = f(party.phone);
        if (typeof party.idNumber === 'string') party.idNumber = f(party.idNumber);
        return party;
      })
    : value;

/** `disputes.parties`: each party's phone and ID number encrypted, the rest as it is. */
export const partyNumbersTransformer: ValueTransformer = {
  to: (value: unknown) => each(value, (s) => fieldCipher().encrypt(s)),
  from: (value: unknown) => each(value, (s) => fieldCipher().decrypt(s)),
};

/** A JSON column kept whole as one encrypted string (the Idempotency-Key answers). */
export const encryptedJsonTransformer: ValueTransformer = {
  to: (value: unknown) =>
    value === null || value === undefined ? value : fieldCipher().encrypt(JSON.stringify(value)),
  from: (value: unknown) =>
    typeof value === 'string' ? (JSON.parse(fieldCipher().decrypt(value)) as unknown) : value,
};
