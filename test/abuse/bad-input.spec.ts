import { createHmac } from 'node:crypto';
import { isISO8601, isUUID } from 'class-validator';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import {
  DEFAULT_INDICATORS,
  EVENT_TYPES,
  INSTITUTIONS,
  PARTY_ROLES,
  PERFORMANCE,
  ROLES,
  STATUSES,
  SYSTEM_EVENTS,
  TIERS,
  UNIT_KINDS,
} from '@tricolor/workflow';
import { startApi, type TestApi } from '../support/api';
import type { Driver } from '../support/databases';
import { buildWorld, disputeBody, USERS, type Username, type World } from '../support/world';
import {
  describeResponse,
  errorShapeProblem,
  fingerprint,
  listenOnce,
  pct,
  rowCounts,
  snapshot,
} from './kit';

/**
 * Bad input, systematically: fast-check generates malformed, oversized, wrongly typed and
 * out-of-range requests for every endpoint. Properties: never a 5xx; bad input is a 4xx with
 * the JSON error body `{statusCode, error, message}` (400s name the field); and nothing is
 * written (a fingerprint of every table after each request, every row of every table around
 * each batch).
 *
 * ABUSE_SEED fixes the generator (default below), ABUSE_SCALE multiplies the runs, and
 * ABUSE_DRIVERS picks the databases (default sqlite,postgres). PostgreSQL runs a smaller sample,
 * ABUSE_PG_SCALE (default 0.2) of SQLite's: the same generators and seed, so its runs are the
 * first of SQLite's; the full sample there is ABUSE_PG_SCALE=1.
 */
const SEED = Number(process.env.ABUSE_SEED ?? 20250611);
const SCALE = Number(process.env.ABUSE_SCALE ?? 1);
const PG_SCALE = Number(process.env.ABUSE_PG_SCALE ?? 0.2);
const ABUSE_DRIVERS = (process.env.ABUSE_DRIVERS ?? 'sqlite,postgres').split(',') as Driver[];
const runsOn =
  (driver: Driver) =>
  (n: number): number =>
    Math.max(1, Math.round(n * SCALE * (driver === 'postgres' ? PG_SCALE : 1)));

type Who = Username | 'admin';
const EVERYONE: Who[] = ['admin', ...(Object.keys(USERS) as Username[])];

interface Req {
  method: 'GET' | 'POST';
  path: string;
  /** null: anonymous. */
  as: Who | null;
  /** Raw bytes; a function builds a big body only when sent (counterexamples stay short). */
  body?: string | Buffer | (() => string);
  /** Default application/json when there is a body; null sends none. */
  contentType?: string | null;
  /** Replaces the caller's `Bearer <token>`. */
  authorization?: string;
  idempotencyKey?: string;
}

/** One generated request, what it is, and the statuses it may get. */
interface Shot {
  label: string;
  req: Req;
  expect: readonly number[];
  /** A 400 must name at least one of these fields. */
  named?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** Strings people and tools really send, unicode oddities included. */
const ODD_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil',
  '\uFEFFbom',
  '\u200B',
  'e\u0301',
  '𝕏𝕐𝕫',
  '👩‍👩‍👧‍👦',
  'İı',
  'ß',
  '\r\n',
  "' OR '1'='1",
  '"; DROP TABLE disputes; --',
  '../../../etc/passwd',
  '%00',
  '%zz',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${jndi:ldap://x/a}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
];

const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** Keys a client should never get through: prototype pollution and mass assignment. */
const junkKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    '__lookupSetter__',
    'isPrototypeOf',
    'toLocaleString',
    '',
    ' ',
    '$where',
    '$gt',
    'a.b',
    'a[b]',
    '0',
    'id',
    'version',
    'status',
    'tier',
    'actor',
    'at',
    'refs',
    'timerId',
    'openedBy',
    'streetCode',
    'passwordHash',
    'active',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const scalarJunk: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  oddString,
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324),
);

/** Any JSON value, nested a little: wrong types, arrays for objects, nulls, junk keys. */
const junk: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      scalarJunk,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(junkKey, tie('value'), { maxKeys: 3 }),
    ),
  }))
  .value.map(jsonRoundTrip);

function jsonRoundTrip(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v)) as unknown;
}

/** The string a server sees after UTF-8 (lone surrogates become U+FFFD). */
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

const tooLong = (max: number, chars = ['x', 'é', '汉', '😀', ' ', 'a\u0301']) =>
  fc
    .tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom(...chars))
    .map(([extra, ch]) => ch.repeat(max + extra));

/** Strings that are not `values`, nor a value at all: wrong case, padded, made up. */
const notOneOf = (values: readonly string[]) =>
  fc
    .oneof(
      oddString,
      fc.constantFrom(...values).map((v) => v.toUpperCase()),
      fc.constantFrom(...values).map((v) => ` ${v}`),
      fc.constantFrom(...values).map((v) => `${v}\u0000`),
    )
    .filter((s) => !values.includes(s));

// ---------------------------------------------------------------------------------------------
// Body schemas, as the DTOs declare them, and mutations that always make a body invalid
// ---------------------------------------------------------------------------------------------

const MAX_AMOUNT = 999_999_999_999.99;
const LATEST_DATE = Date.parse('9000-01-01T00:00:00Z');
const INDICATOR_CODES = DEFAULT_INDICATORS.map((i) => i.code);
const HTTP_EVENT_TYPES = EVENT_TYPES.filter((t) => !SYSTEM_EVENTS.includes(t));

type Spec =
  | { kind: 'text'; max: number; mayBeEmpty?: true }
  | { kind: 'pattern'; re: RegExp; longer: string }
  | { kind: 'enum'; values: readonly string[]; alsoBad?: readonly string[] }
  | { kind: 'int'; min: number; max?: number }
  | { kind: 'amount' }
  | { kind: 'bool' }
  | { kind: 'date' }
  | { kind: 'uuid' }
  | { kind: 'strings'; max: number; known?: readonly string[] }
  | { kind: 'objects'; min: number; max: number; item: Schema };
interface Field {
  spec: Spec;
  optional?: true;
}
type Schema = Record<string, Field>;
type Body = Record<string, unknown>;

const req = (spec: Spec): Field => ({ spec });
const opt = (spec: Spec): Field => ({ spec, optional: true });
const text = (max: number): Spec => ({ kind: 'text', max });
const CODE: Spec = { kind: 'pattern', re: /^[A-Za-z0-9_-]{1,50}$/, longer: 'A'.repeat(51) };

const UNIT_SCHEMA: Schema = {
  code: req(CODE),
  name: req(text(100)),
  kind: req({ kind: 'enum', values: UNIT_KINDS }),
  parentCode: opt(CODE),
};
const USER_SCHEMA: Schema = {
  username: req({ kind: 'pattern', re: /^[A-Za-z0-9_.-]{3,50}$/, longer: 'u'.repeat(51) }),
  password: req({ kind: 'text', max: 200 }),
  displayName: req(text(100)),
  role: req({ kind: 'enum', values: ROLES }),
  unitCode: req(CODE),
  institution: opt({ kind: 'enum', values: INSTITUTIONS }),
};
const LOGIN_SCHEMA: Schema = { username: req(text(100)), password: req(text(200)) };
const PARTY_SCHEMA: Schema = {
  name: req(text(100)),
  role: req({ kind: 'enum', values: PARTY_ROLES }),
  phone: opt({ kind: 'pattern', re: /^[0-9+\- ]{5,20}$/, longer: '1'.repeat(21) }),
  idNumber: opt({ kind: 'pattern', re: /^[0-9]{17}[0-9Xx]$/, longer: '1'.repeat(19) }),
};
const DISPUTE_SCHEMA: Schema = {
  title: req(text(200)),
  description: req(text(10_000)),
  category: req(text(50)),
  gridCode: req(text(50)),
  parties: req({ kind: 'objects', min: 2, max: 200, item: PARTY_SCHEMA }),
  amount: opt({ kind: 'amount' }),
  riskIndicators: req({ kind: 'strings', max: 100, known: INDICATOR_CODES }),
  requestedTier: opt({ kind: 'enum', values: TIERS }),
  tierReason: opt({ kind: 'text', max: 2000, mayBeEmpty: true }),
  linkedCaseId: opt({ kind: 'uuid' }),
};

const reason = { reason: req(text(2000)) };
const EVENT_BASE: Schema = {
  type: req({
    kind: 'enum',
    values: HTTP_EVENT_TYPES,
    // The timers' own events, and the opening, are never a person's to send.
    alsoBad: [...SYSTEM_EVENTS, 'OPEN', 'accept', 'Escalate'],
  }),
  expectedVersion: opt({ kind: 'int', min: 1 }),
};
const EVENT_SCHEMAS: Record<string, Schema> = {
  ACCEPT: { officerId: req(text(64)), lawyerId: req(text(64)) },
  CONVENE_PANEL: {
    members: req({
      kind: 'objects',
      min: 1,
      max: 20,
      item: {
        userId: req(text(64)),
        institution: req({ kind: 'enum', values: INSTITUTIONS }),
      },
    }),
  },
  REACH_AGREEMENT: {
    terms: req(text(20_000)),
    performanceDueAt: opt({ kind: 'date' }),
    signedByPartyIds: req({ kind: 'strings', max: 200 }),
  },
  ESCALATE: reason,
  DOWNGRADE: reason,
  EMERGENCY_ESCALATE: reason,
  REFER_TO_LITIGATION: reason,
  WITHDRAW: reason,
  TRANSFER: { ...reason, agency: req(text(200)) },
  RECORD_REFUSAL: { partyId: req(text(64)), note: req(text(2000)) },
  EXTEND_DEADLINE: {
    ...reason,
    until: req({ kind: 'date' }),
    consentingPartyIds: req({ kind: 'strings', max: 200 }),
  },
  SUSPEND: reason,
  RESUME: {},
  REQUEST_JUDICIAL_CONFIRMATION: {},
  RECORD_CONFIRMATION: { confirmed: req({ kind: 'bool' }), note: opt(text(2000)) },
  RECORD_FOLLOW_UP: {
    performed: req({ kind: 'enum', values: PERFORMANCE }),
    note: opt(text(2000)),
  },
};

/** A value the field's validation refuses. Never null for an optional field (null = absent). */
function badValue(field: Field): fc.Arbitrary<unknown> {
  const { spec } = field;
  const wrongType = (isRightType: (v: unknown) => boolean) =>
    junk.filter((v) => !isRightType(v) && !(field.optional && v === null));
  const isString = (v: unknown) => typeof v === 'string';
  switch (spec.kind) {
    case 'text':
      return fc.oneof(
        wrongType(isString),
        tooLong(spec.max),
        ...(spec.mayBeEmpty ? [] : [fc.constant('')]),
      );
    case 'pattern':
      return fc.oneof(
        wrongType(isString),
        oddString.filter((s) => !spec.re.test(s)),
        fc.constant(spec.longer),
      );
    case 'enum':
      return fc.oneof(
        wrongType(isString),
        notOneOf(spec.values),
        ...(spec.alsoBad ? [fc.constantFrom(...spec.alsoBad)] : []),
      );
    case 'int':
      return fc.oneof(
        wrongType(
          (v) =>
            typeof v === 'number' &&
            Number.isInteger(v) &&
            v >= spec.min &&
            (spec.max === undefined || v <= spec.max),
        ),
        fc.constantFrom(spec.min - 1, -1, 1.5, String(spec.min)),
      );
    case 'amount':
      return fc.oneof(
        wrongType((v) => typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT),
        fc.constantFrom(-0.01, -1, MAX_AMOUNT + 1, 1e15, 1e20, 1e300, '100'),
      );
    case 'bool':
      return wrongType((v) => typeof v === 'boolean');
    case 'date':
      return fc.oneof(
        wrongType(isString),
        fc
          .oneof(
            oddString,
            fc.constantFrom(
              '2024-02-30',
              '2024-13-01',
              '2024-01-01T25:00:00Z',
              '9999-12-31T23:59:59Z',
              '9000-01-01',
              '+275760-09-13T00:00:00Z',
              '10000-01-01',
              '2024-1-1',
              'tomorrow',
              '1700000000000',
              '2099-01-01 10:00',
            ),
          )
          .filter((s) => !(isISO8601(s, { strict: true }) && Date.parse(s) < LATEST_DATE)),
      );
    case 'uuid':
      return fc.oneof(
        wrongType(isString),
        oddString.filter((s) => !isUUID(s)),
        fc.uuid().map((u) => `${u}x`),
      );
    case 'strings':
      return fc.oneof(
        wrongType(Array.isArray),
        fc
          .tuple(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), scalarJunk)
          .filter(([, j]) => typeof j !== 'string')
          .map(([ok, j]) => [...ok, j]),
        fc
          .integer({ min: spec.max + 1, max: spec.max + 30 })
          .map((n) => Array<string>(n).fill('p1')),
        ...(spec.known
          ? [
              fc.array(
                oddString.filter((s) => !spec.known!.includes(s)),
                { minLength: 1, maxLength: 3 },
              ),
            ]
          : []),
      );
    case 'objects':
      // Arrays of bad items are generated by `mutate`, which knows a good item to start from.
      return fc.oneof(
        wrongType(Array.isArray),
        fc.array(scalarJunk, { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(scalarJunk, { maxLength: 2 }), { minLength: 1, maxLength: 2 }),
        // Items that are empty arrays: ValidateNested alone finds nothing to complain about.
        fc.integer({ min: spec.min, max: spec.min + 2 }).map((n) => Array<unknown[]>(n).fill([])),
      );
  }
}

/** Sets a key as an own property, `__proto__` included, so JSON.stringify sends it. */
function setOwn(target: Body, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

type Op = (body: Body) => string;

/** 1-3 operations, each of which makes a valid body invalid; returns the fields they touched. */
function mutate(schema: Schema, base: Body): fc.Arbitrary<{ body: Body; named: string[] }> {
  const keys = Object.keys(schema);
  const required = keys.filter((k) => !schema[k].optional);
  const nested = keys.filter((k) => schema[k].spec.kind === 'objects' && Array.isArray(base[k]));
  const ops: fc.Arbitrary<Op>[] = [
    fc.constantFrom(...keys).chain((k) =>
      badValue(schema[k]).map(
        (v): Op =>
          (b) => (setOwn(b, k, v), k),
      ),
    ),
    fc
      .tuple(
        junkKey.filter((k) => !keys.includes(k)),
        junk,
      )
      .map(
        ([k, v]): Op =>
          (b) => (setOwn(b, k, v), k),
      ),
  ];
  if (required.length > 0) {
    ops.push(
      fc.constantFrom(...required).map(
        (k): Op =>
          (b) => (delete b[k], k),
      ),
    );
  }
  for (const k of nested) {
    const spec = schema[k].spec as Extract<Spec, { kind: 'objects' }>;
    const items = base[k] as Body[];
    ops.push(
      fc
        .nat(items.length - 1)
        .chain((i) => mutate(spec.item, items[i]).map((m) => ({ i, m })))
        .map(({ i, m }): Op => (b) => {
          if (!Array.isArray(b[k])) return k;
          (b[k] as unknown[])[i] = m.body;
          return `${k}.${i}`;
        }),
      fc.constantFrom(spec.max + 1, ...(spec.min > 0 ? [spec.min - 1] : [])).map(
        (n): Op =>
          (b) => (setOwn(b, k, Array<Body>(n).fill(items[0])), k),
      ),
    );
  }
  return fc.array(fc.oneof(...ops), { minLength: 1, maxLength: 3 }).map((chosen) => {
    const body = structuredClone(base);
    const named = chosen.map((op) => op(body));
    return { body, named: named.map(utf8) };
  });
}

/** Whole-body abuse: broken JSON, bodies that are not objects, deep nesting, NUL characters. */
function bodyAbuse(base: Body): fc.Arbitrary<{ body: string | Buffer; what: string }> {
  const text = JSON.stringify(base);
  const strings = Object.keys(base).filter((k) => typeof base[k] === 'string');
  const MARK = 'DEEP_MARK_3c1f';
  return fc.oneof(
    fc.nat(text.length - 1).map((n) => ({ body: text.slice(0, n), what: `cut at ${n}` })),
    fc
      .constantFrom('}', ']', ',', 'x', '{}', 'null', '"', ' 1')
      .map((s) => ({ body: text + s, what: `trailing ${s}` })),
    fc.constantFrom('x', ',', ']', '}', "'", '/* c */').map((s) => ({
      body: s + text,
      what: `leading ${s}`,
    })),
    fc.constantFrom(
      { body: text.replace(/"/g, "'"), what: 'single quotes' },
      { body: text.replace(':', '='), what: 'an equals sign' },
      { body: text.replace(/}$/, ',"x":NaN}'), what: 'NaN' },
      { body: text.replace(/}$/, ',"x":undefined}'), what: 'undefined' },
      { body: text.replace(/}$/, ',}'), what: 'a trailing comma' },
      { body: Buffer.concat([Buffer.from([0xff]), Buffer.from(text)]), what: 'a 0xFF byte' },
      { body: Buffer.concat([Buffer.from([0xc0, 0x80]), Buffer.from(text)]), what: 'overlong' },
    ),
    junk.map((v) => ({ body: JSON.stringify(Array.isArray(v) ? v : [v]), what: 'an array' })),
    fc.constantFrom('null', 'true', '0', '"text"', '[]', `[${text}]`).map((body) => ({
      body,
      what: `top-level ${body.slice(0, 10)}`,
    })),
    fc
      .record({
        depth: fc.integer({ min: 40, max: 20_000 }),
        open: fc.constantFrom('[', '{"a":', '[{"b":'),
        field: fc.constantFrom(...Object.keys(base), 'zz'),
      })
      .map(({ depth, open, field }) => {
        const close = open === '[' ? ']' : open === '{"a":' ? '}' : '}]';
        const nest = `${open.repeat(depth)}1${close.repeat(depth)}`;
        return {
          body: JSON.stringify({ ...base, [field]: MARK }).replace(`"${MARK}"`, nest),
          what: `${field} nested ${depth} deep`,
        };
      }),
    ...(strings.length > 0
      ? [
          fc.tuple(fc.constantFrom(...strings), fc.nat()).map(([k, at]) => {
            const s = base[k] as string;
            const i = at % (s.length + 1);
            return {
              body: JSON.stringify({ ...base, [k]: `${s.slice(0, i)}\u0000${s.slice(i)}` }),
              what: `NUL in ${k}`,
            };
          }),
        ]
      : []),
  );
}

// ---------------------------------------------------------------------------------------------
// Query strings
// ---------------------------------------------------------------------------------------------

type Entry = [string, string | string[]];
interface ParamSpec {
  good: fc.Arbitrary<string>;
  bad: fc.Arbitrary<string>;
}

const intParam = (min: number, max: number): ParamSpec => ({
  good: fc.integer({ min, max }).map(String),
  bad: fc
    .oneof(
      oddString,
      fc.integer({ min: -1_000_000, max: min - 1 }).map(String),
      fc.integer({ min: max + 1, max: 2 ** 40 }).map(String),
      fc.double({ noNaN: true }).map(String),
      fc.constantFrom('1.5', '', ' ', '0x', '1e400', '-0', '٣', '1,000'),
    )
    .filter((s) => {
      const n = Number(s);
      return !(Number.isInteger(n) && n >= min && n <= max);
    }),
});
const boolParam: ParamSpec = {
  good: fc.constantFrom('true', 'false'),
  bad: oddString.filter((s) => s !== 'true' && s !== 'false'),
};
const enumParam = (values: readonly string[]): ParamSpec => ({
  good: fc.constantFrom(...values),
  bad: notOneOf(values),
});
const textParam = (max: number, good: fc.Arbitrary<string>): ParamSpec => ({
  good,
  bad: fc.oneof(
    tooLong(max),
    good.map((s) => `${s}\u0000`),
  ),
});
const safeText = fc.string({ maxLength: 20 }).filter((s) => !s.includes('\u0000'));
const isoGood = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());

/**
 * 1-3 bad entries (a bad value, a repeated key, an unknown key) among 0-3 good ones: the query
 * as a whole is always bad. `extraBad` adds endpoint-specific bad entries.
 */
function badQuery(
  params: Record<string, ParamSpec>,
  extraBad: fc.Arbitrary<Entry>[] = [],
): fc.Arbitrary<{ query: string; named: string[] }> {
  const keys = Object.keys(params);
  const badEntry: fc.Arbitrary<Entry> = fc.oneof(
    fc.constantFrom(...keys).chain((k) => params[k].bad.map((v): Entry => [k, v])),
    fc
      .constantFrom(...keys)
      .chain((k) => fc.tuple(params[k].good, params[k].good).map(([a, b]): Entry => [k, [a, b]])),
    fc.tuple(
      junkKey.filter((k) => !keys.includes(utf8(k)) && k !== ''),
      oddString,
    ),
    ...extraBad,
  );
  const goodEntry: fc.Arbitrary<Entry> = fc
    .constantFrom(...keys)
    .chain((k) => params[k].good.map((v): Entry => [k, v]));
  return fc
    .tuple(
      // One value per key: a repeated key is an array, which is bad on its own.
      fc.uniqueArray(goodEntry, { maxLength: 3, selector: ([k]) => k }),
      fc.array(badEntry, { minLength: 1, maxLength: 3 }),
      fc.array(fc.constantFrom('&', '&&', '%zz', '=', '=x'), { maxLength: 1 }),
    )
    .map(([goods, bads, raw]) => {
      const parts = [...goods, ...bads].flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).map((x) => `${pct(k)}=${pct(x)}`),
      );
      // A raw `=x` is the key '', a raw `%zz` the key '%zz': unknown keys, named as such.
      const rawKeys = raw.filter((r) => r !== '&' && r !== '&&').map((r) => r.split('=')[0]);
      return {
        query: [...parts, ...raw].join('&'),
        named: [...bads.map(([k]) => utf8(k)), ...rawKeys],
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Garbage ids
// ---------------------------------------------------------------------------------------------

const garbageId: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase().replace(/-/g, '')),
    fc.constantFrom(
      'null',
      'undefined',
      '0',
      '-1',
      '1e9',
      '%',
      '%00',
      '\u0000',
      "' OR 1=1 --",
      '*',
      'read-all',
      '00000000-0000-0000-0000-000000000000',
      'a'.repeat(1500),
      '\uD800',
      '🙂',
      '{}',
      '[]',
      ' ',
    ),
  )
  // A path of dots is a dot-segment: the URL would change route, not id.
  .filter((s) => !/^\.+$/.test(s));

const idExpect = (id: string) => (id.includes('\u0000') ? [400] : [404]);

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

const b64url = (v: object | string) =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function signJwt(header: object, payload: object, secret: string, alg = 'sha256'): string {
  const head = `${b64url(header)}.${b64url(payload)}`;
  return `${head}.${createHmac(alg, secret).update(head).digest('base64url')}`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

// ---------------------------------------------------------------------------------------------

describe.each(ABUSE_DRIVERS)('bad input on %s: never a 5xx, never a write', (driver) => {
  const runs = runsOn(driver);
  let api: TestApi;
  let world: World;
  const ids = { blue: '', yellow: '', red: '', s2: '' };
  let notifications: { id: string; userId: string }[] = [];
  let unreadOfSuper1 = '';
  let last = '';
  const tally = new Map<string, number>();
  const spent = new Map<string, number>();
  const startedAt = Date.now();

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    await listenOnce(api);
    world = await buildWorld(api);
    const open = async (who: Username, body: object) => {
      const res = await send({ method: 'POST', path: '/disputes', as: who, body: json(body) });
      if (res.status !== 201) throw new Error(`open: ${describeResponse(res)}`);
      return (res.body as { id: string }).id;
    };
    ids.blue = await open('gw1', disputeBody());
    ids.yellow = await open('gw1', disputeBody());
    const escalated = await send({
      method: 'POST',
      path: `/disputes/${ids.yellow}/events`,
      as: 'gw1',
      body: json({ type: 'ESCALATE', reason: 'needs a lawyer' }),
    });
    if (escalated.status !== 200) throw new Error(`escalate: ${describeResponse(escalated)}`);
    ids.red = await open('super1', disputeBody({ gridCode: 'G2', requestedTier: 'red' }));
    ids.s2 = await open('gw3', disputeBody({ gridCode: 'G3' }));
    const rows = await api.app
      .get(DataSource)
      .query<{ id: string; user_id: string }[]>('SELECT id, user_id FROM notifications');
    notifications = rows.map((n) => ({ id: n.id, userId: n.user_id }));
    unreadOfSuper1 = notifications.find((n) => n.userId === world.id.super1)?.id ?? '';
    if (!unreadOfSuper1) throw new Error('expected the escalation to notify super1');
  }, 120_000);

  afterAll(async () => {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    const lines = [...tally.entries()].map(
      ([k, n]) =>
        `  ${String(n).padStart(6)}  ${k.padEnd(36)} ${((spent.get(k) ?? 0) / n).toFixed(1)} ms/request`,
    );
    console.log(
      `bad input on ${driver}: ${total} generated requests in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (seed ${SEED})\n${lines.join('\n')}`,
    );
    await api?.close();
  });

  const json = (v: unknown) => JSON.stringify(v);

  async function send(r: Req): Promise<Response> {
    let call = r.method === 'GET' ? api.http().get(r.path) : api.http().post(r.path);
    const auth = r.authorization ?? (r.as ? `Bearer ${world.token[r.as]}` : undefined);
    if (auth !== undefined) call = call.set('Authorization', auth);
    if (r.idempotencyKey !== undefined) call = call.set('Idempotency-Key', r.idempotencyKey);
    if (r.body !== undefined) {
      const type = r.contentType === undefined ? 'application/json' : r.contentType;
      if (type !== null) call = call.set('Content-Type', type);
      call = call.send(typeof r.body === 'function' ? r.body() : r.body);
    }
    return await call;
  }

  /** Runs one batch: every shot checked on its own, every table compared around the batch. */
  async function fire(name: string, arb: fc.Arbitrary<Shot>, numRuns: number): Promise<void> {
    const before = await snapshot(api);
    last = await fingerprint(api);
    const property = fc.asyncProperty(arb, async (shot) => {
      const t0 = Date.now();
      const res = await send(shot.req);
      tally.set(shot.label, (tally.get(shot.label) ?? 0) + 1);
      spent.set(shot.label, (spent.get(shot.label) ?? 0) + Date.now() - t0);
      const now = await fingerprint(api);
      if (now !== last) {
        const was = last;
        last = now;
        throw new Error(`it wrote: ${was} -> ${now}; answer ${describeResponse(res)}`);
      }
      if (res.status >= 500) throw new Error(`a 5xx: ${describeResponse(res)}`);
      if (!shot.expect.includes(res.status)) {
        throw new Error(`expected ${shot.expect.join(' or ')}, got ${describeResponse(res)}`);
      }
      const problem = errorShapeProblem(res);
      if (problem) throw new Error(`bad error body (${problem}): ${describeResponse(res)}`);
      if (res.status === 400 && shot.named && shot.named.length > 0) {
        const body = res.body as { message: string; errors?: { field: string }[] };
        const messages = [body.message, ...(body.errors ?? []).map((e) => e.field)];
        if (!messages.some((m) => shot.named!.some((f) => m.includes(f)))) {
          throw new Error(`the 400 names none of ${json(shot.named)}: ${json(messages)}`);
        }
      }
    });
    try {
      await fc.assert(property, { numRuns, seed: SEED });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
      throw new Error(
        `[${name} on ${driver}] seed ${SEED} (rerun: ABUSE_SEED=${SEED} npx jest test/abuse/bad-input)\n${message}${cause ? `\nCause: ${cause.message}` : ''}`,
        { cause: error },
      );
    }
    const after = await snapshot(api);
    expect(rowCounts(after)).toEqual(rowCounts(before));
    expect(after).toEqual(before);
  }

  /** Schema mutations and whole-body abuse of one POST endpoint, plus its semantic refusals. */
  function postShots(
    label: string,
    targets: { path: string; as: Who | null; schema: Schema; base: Body }[],
    refusals: { path: string; as: Who | null; body: Body; expect: number }[] = [],
  ): fc.Arbitrary<Shot> {
    const target = fc.constantFrom(...targets);
    const mutated = target.chain((t) =>
      mutate(t.schema, t.base).map(({ body, named }): Shot => ({
        label,
        req: { method: 'POST', path: t.path, as: t.as, body: json(body) },
        expect: [400],
        named,
      })),
    );
    const abused = target.chain((t) =>
      bodyAbuse(t.base).map(({ body }): Shot => ({
        label,
        req: { method: 'POST', path: t.path, as: t.as, body },
        expect: [400],
      })),
    );
    const arbs: fc.WeightedArbitrary<Shot>[] = [
      { weight: 12, arbitrary: mutated },
      { weight: 4, arbitrary: abused },
    ];
    if (refusals.length > 0) {
      arbs.push({
        weight: 1,
        arbitrary: fc.constantFrom(...refusals).map((r): Shot => ({
          label,
          req: { method: 'POST', path: r.path, as: r.as, body: json(r.body) },
          expect: [r.expect],
        })),
      });
    }
    return fc.oneof(...arbs);
  }

  const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const panel = () => [
    { userId: world.id.pPolice, institution: 'police_station' },
    { userId: world.id.pJudicial, institution: 'judicial_office' },
    { userId: world.id.pLaw, institution: 'law_firm' },
    { userId: world.id.pCourt, institution: 'court' },
  ];
  /** A body of each type a person may send, valid in some state. */
  const eventBody = (type: string): Body => {
    const payloads: Record<string, Body> = {
      ACCEPT: { officerId: world.id.officer1, lawyerId: world.id.lawyer1 },
      CONVENE_PANEL: { members: panel() },
      REACH_AGREEMENT: {
        terms: 'Fix the pipe and pay 500',
        performanceDueAt: future(10),
        signedByPartyIds: ['p1', 'p2'],
      },
      TRANSFER: { agency: 'District police', reason: 'criminal risk' },
      RECORD_REFUSAL: { partyId: 'p2', note: 'declines mediation' },
      EXTEND_DEADLINE: {
        until: future(20),
        reason: 'a party is away',
        consentingPartyIds: ['p1', 'p2'],
      },
      RESUME: {},
      REQUEST_JUDICIAL_CONFIRMATION: {},
      RECORD_CONFIRMATION: { confirmed: true, note: 'confirmed by the court' },
      RECORD_FOLLOW_UP: { performed: 'full', note: 'paid' },
    };
    return { type, ...(payloads[type] ?? { reason: 'a reason' }), expectedVersion: 1 };
  };

  it('POST /auth/login', async () => {
    const base = { username: 'admin', password: 'admin-password' };
    await fire(
      'login',
      postShots(
        'POST /auth/login',
        [{ path: '/auth/login', as: null, schema: LOGIN_SCHEMA, base }],
        [
          {
            path: '/auth/login',
            as: null,
            body: { username: 'admin', password: 'nope' },
            expect: 401,
          },
          {
            path: '/auth/login',
            as: null,
            body: { username: 'nobody', password: 'x' },
            expect: 401,
          },
          {
            path: '/auth/login',
            as: null,
            body: { username: 'gw1', password: 'admin-password' },
            expect: 401,
          },
          {
            path: '/auth/login',
            as: null,
            body: { username: 'ADMIN', password: 'admin-password' },
            expect: 401,
          },
        ],
      ),
      runs(200),
    );
  }, 120_000);

  it('POST /admin/units', async () => {
    const u = '/admin/units';
    await fire(
      'units',
      postShots(
        'POST /admin/units',
        [
          {
            path: u,
            as: 'admin',
            schema: UNIT_SCHEMA,
            base: { code: 'NEW-S', name: 'New', kind: 'street' },
          },
          {
            path: u,
            as: 'admin',
            schema: UNIT_SCHEMA,
            base: { code: 'NEW-C', name: 'New', kind: 'community', parentCode: 'S1' },
          },
          {
            path: u,
            as: 'super1',
            schema: UNIT_SCHEMA,
            base: { code: 'NEW-G', name: 'New', kind: 'grid', parentCode: 'C1' },
          },
        ],
        [
          {
            path: u,
            as: 'admin',
            body: { code: 'S1', name: 'Again', kind: 'street' },
            expect: 409,
          },
          {
            path: u,
            as: 'admin',
            body: { code: 'X1', name: 'X', kind: 'street', parentCode: 'S1' },
            expect: 400,
          },
          { path: u, as: 'admin', body: { code: 'X1', name: 'X', kind: 'community' }, expect: 400 },
          {
            path: u,
            as: 'admin',
            body: { code: 'X1', name: 'X', kind: 'community', parentCode: 'C1' },
            expect: 400,
          },
          {
            path: u,
            as: 'admin',
            body: { code: 'X1', name: 'X', kind: 'grid', parentCode: 'S1' },
            expect: 400,
          },
          {
            path: u,
            as: 'admin',
            body: { code: 'X1', name: 'X', kind: 'grid', parentCode: 'NOPE' },
            expect: 400,
          },
          { path: u, as: 'super1', body: { code: 'X1', name: 'X', kind: 'street' }, expect: 403 },
          {
            path: u,
            as: 'super1',
            body: { code: 'X1', name: 'X', kind: 'community', parentCode: 'S2' },
            expect: 403,
          },
          {
            path: u,
            as: 'super1',
            body: { code: 'X1', name: 'X', kind: 'grid', parentCode: 'C2' },
            expect: 403,
          },
          { path: u, as: 'gw1', body: { code: 'X1', name: 'X', kind: 'street' }, expect: 403 },
        ],
      ),
      runs(300),
    );
  }, 120_000);

  it('POST /admin/users', async () => {
    const u = '/admin/users';
    const user = (o: Body) => ({
      username: 'new.user',
      password: 'password-123',
      displayName: 'New',
      ...o,
    });
    await fire(
      'users',
      postShots(
        'POST /admin/users',
        [
          {
            path: u,
            as: 'admin',
            schema: USER_SCHEMA,
            base: user({ role: 'grid_worker', unitCode: 'G1' }),
          },
          {
            path: u,
            as: 'admin',
            schema: USER_SCHEMA,
            base: user({ role: 'panel_member', unitCode: 'S1', institution: 'court' }),
          },
          {
            path: u,
            as: 'super1',
            schema: USER_SCHEMA,
            base: user({ role: 'community_police', unitCode: 'C1' }),
          },
        ],
        [
          {
            path: u,
            as: 'admin',
            body: user({ username: 'gw1', role: 'grid_worker', unitCode: 'G1' }),
            expect: 409,
          },
          {
            path: u,
            as: 'admin',
            body: user({ role: 'grid_worker', unitCode: 'S1' }),
            expect: 400,
          },
          {
            path: u,
            as: 'admin',
            body: user({ role: 'community_police', unitCode: 'G1' }),
            expect: 400,
          },
          {
            path: u,
            as: 'admin',
            body: user({ role: 'judicial_officer', unitCode: 'C1' }),
            expect: 400,
          },
          {
            path: u,
            as: 'admin',
            body: user({ role: 'panel_member', unitCode: 'S1' }),
            expect: 400,
          },
          {
            path: u,
            as: 'admin',
            body: user({ role: 'grid_worker', unitCode: 'G1', institution: 'court' }),
            expect: 400,
          },
          {
            path: u,
            as: 'admin',
            body: user({ role: 'grid_worker', unitCode: 'NOPE' }),
            expect: 400,
          },
          {
            path: u,
            as: 'super1',
            body: user({ role: 'grid_worker', unitCode: 'G3' }),
            expect: 403,
          },
          { path: u, as: 'super1', body: user({ role: 'admin', unitCode: 'S1' }), expect: 403 },
          {
            path: u,
            as: 'super1',
            body: user({ role: 'judicial_officer', unitCode: 'S2' }),
            expect: 403,
          },
          {
            path: u,
            as: 'super2',
            body: user({ role: 'grid_worker', unitCode: 'G1' }),
            expect: 403,
          },
          {
            path: u,
            as: 'officer1',
            body: user({ role: 'grid_worker', unitCode: 'G1' }),
            expect: 403,
          },
        ],
      ),
      runs(300),
    );
  }, 120_000);

  it('POST /disputes', async () => {
    const p = '/disputes';
    const d = (o: Body = {}): Body => disputeBody(o);
    await fire(
      'open',
      postShots(
        'POST /disputes',
        [
          {
            path: p,
            as: 'gw1',
            schema: DISPUTE_SCHEMA,
            base: d({ amount: 500, requestedTier: 'yellow', tierReason: 'legal' }),
          },
          {
            path: p,
            as: 'super1',
            schema: DISPUTE_SCHEMA,
            base: d({ gridCode: 'G2', riskIndicators: ['threat_of_violence'] }),
          },
          { path: p, as: 'police1', schema: DISPUTE_SCHEMA, base: d() },
        ],
        [
          { path: p, as: 'gw1', body: d({ gridCode: 'NOPE' }), expect: 400 },
          { path: p, as: 'gw1', body: d({ gridCode: 'C1' }), expect: 400 },
          { path: p, as: 'gw1', body: d({ gridCode: 'S1' }), expect: 400 },
          { path: p, as: 'gw1', body: d({ gridCode: 'G2' }), expect: 403 },
          { path: p, as: 'gw1', body: d({ gridCode: 'G3' }), expect: 403 },
          { path: p, as: 'police1', body: d({ gridCode: 'G3' }), expect: 403 },
          { path: p, as: 'officer1', body: d(), expect: 403 },
          { path: p, as: 'lawyer1', body: d(), expect: 403 },
          { path: p, as: 'pCourt', body: d(), expect: 403 },
          { path: p, as: 'admin', body: d(), expect: 403 },
          {
            path: p,
            as: 'gw1',
            body: d({ riskIndicators: ['threat_of_violence'], requestedTier: 'blue' }),
            expect: 400,
          },
          {
            path: p,
            as: 'gw1',
            body: d({
              riskIndicators: ['threat_of_violence'],
              requestedTier: 'blue',
              tierReason: '  ',
            }),
            expect: 400,
          },
          { path: p, as: 'gw1', body: d({ riskIndicators: ['aliens'] }), expect: 400 },
          {
            path: p,
            as: 'gw1',
            body: d({ linkedCaseId: '6f1c1f8e-3a43-4a3e-9d53-0c2b9b1f0a11' }),
            expect: 400,
          },
          { path: p, as: 'gw1', body: d({ linkedCaseId: ids.blue }), expect: 400 },
          { path: p, as: 'gw1', body: d({ linkedCaseId: ids.s2 }), expect: 400 },
        ],
      ),
      runs(400),
    );
  }, 120_000);

  it('POST /disputes/:id/events, every event type mutated', async () => {
    // Senders who may act on each case: a valid body from them would be a write.
    const senders: { id: () => string; as: Who }[] = [
      { id: () => ids.blue, as: 'gw1' },
      { id: () => ids.blue, as: 'super1' },
      { id: () => ids.yellow, as: 'officer1' },
      { id: () => ids.red, as: 'pPolice' },
    ];
    const targets = senders.flatMap((s) =>
      HTTP_EVENT_TYPES.map((type) => ({
        path: `/disputes/${s.id()}/events`,
        as: s.as,
        schema: { ...EVENT_BASE, ...EVENT_SCHEMAS[type] },
        base: eventBody(type),
      })),
    );
    const e = (id: string) => `/disputes/${id}/events`;
    const body = (type: string, o: Body = {}) => ({ ...eventBody(type), ...o });
    const refusals = [
      // Well-formed, refused by the state or a guard: 422, or 409 for a stale version.
      ...(['ACCEPT', 'CONVENE_PANEL', 'REFER_TO_LITIGATION', 'RESUME', 'DOWNGRADE']
        .concat(['REQUEST_JUDICIAL_CONFIRMATION', 'RECORD_CONFIRMATION', 'RECORD_FOLLOW_UP'])
        .map((type) => ({ path: e(ids.blue), as: 'gw1', body: body(type), expect: 422 })) as {
        path: string;
        as: Who;
        body: Body;
        expect: number;
      }[]),
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('REACH_AGREEMENT', { signedByPartyIds: ['p1'] }),
        expect: 422,
      },
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('REACH_AGREEMENT', { signedByPartyIds: ['p1', 'p2', 'p9'] }),
        expect: 422,
      },
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('REACH_AGREEMENT', { performanceDueAt: past(2) }),
        expect: 422,
      },
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('REACH_AGREEMENT', { terms: '   ' }),
        expect: 422,
      },
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('EXTEND_DEADLINE', { until: past(1) }),
        expect: 422,
      },
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('EXTEND_DEADLINE', { until: future(1) }),
        expect: 422,
      },
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('EXTEND_DEADLINE', { consentingPartyIds: ['p2'] }),
        expect: 422,
      },
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('RECORD_REFUSAL', { partyId: 'p9' }),
        expect: 422,
      },
      { path: e(ids.blue), as: 'gw1', body: body('ESCALATE', { reason: ' \t ' }), expect: 422 },
      { path: e(ids.blue), as: 'gw1', body: body('TRANSFER', { agency: '   ' }), expect: 422 },
      { path: e(ids.blue), as: 'gw1', body: body('ESCALATE', { expectedVersion: 2 }), expect: 409 },
      {
        path: e(ids.blue),
        as: 'gw1',
        body: body('ESCALATE', { expectedVersion: 2 ** 40 }),
        expect: 409,
      },
      { path: e(ids.blue), as: 'police1', body: body('ESCALATE'), expect: 422 },
      { path: e(ids.blue), as: 'gw3', body: body('ESCALATE'), expect: 404 },
      {
        path: e(ids.yellow),
        as: 'officer1',
        body: body('ACCEPT', { expectedVersion: 2, officerId: world.id.gw1 }),
        expect: 422,
      },
      {
        path: e(ids.yellow),
        as: 'officer1',
        body: body('ACCEPT', { expectedVersion: 2, lawyerId: world.id.officer1 }),
        expect: 422,
      },
      {
        path: e(ids.yellow),
        as: 'officer1',
        body: body('ACCEPT', { expectedVersion: 2, officerId: world.id.officer2 }),
        expect: 422,
      },
      {
        path: e(ids.yellow),
        as: 'officer1',
        body: body('ACCEPT', { expectedVersion: 2, lawyerId: 'no-such-user' }),
        expect: 422,
      },
      {
        path: e(ids.yellow),
        as: 'lawyer1',
        body: body('ACCEPT', { expectedVersion: 2 }),
        expect: 404,
      },
      {
        path: e(ids.red),
        as: 'pPolice',
        body: body('CONVENE_PANEL', { members: panel().slice(0, 3) }),
        expect: 422,
      },
      {
        path: e(ids.red),
        as: 'pPolice',
        body: body('CONVENE_PANEL', {
          members: [...panel().slice(0, 3), { userId: world.id.pCourt2, institution: 'court' }],
        }),
        expect: 422,
      },
      {
        path: e(ids.red),
        as: 'pPolice',
        body: body('CONVENE_PANEL', {
          members: [...panel().slice(0, 3), { userId: world.id.pLaw, institution: 'court' }],
        }),
        expect: 422,
      },
      {
        path: e(ids.red),
        as: 'pPolice',
        body: body('CONVENE_PANEL', {
          members: [...panel().slice(0, 3), { userId: world.id.gw1, institution: 'court' }],
        }),
        expect: 422,
      },
    ] satisfies { path: string; as: Who; body: Body; expect: number }[];
    await fire('events', postShots('POST /disputes/:id/events', targets, refusals), runs(700));
  }, 180_000);

  it('GET /disputes?… with bad query strings', async () => {
    const arb = fc
      .tuple(
        fc.constantFrom(...EVERYONE),
        badQuery({
          tier: enumParam(TIERS),
          status: enumParam(STATUSES),
          unit: textParam(50, fc.constantFrom('S1', 'C1', 'G1', 'S2', 'NOPE')),
          overdue: boolParam,
          text: textParam(200, safeText),
          page: intParam(1, 100_000),
          pageSize: intParam(1, 200),
          after: textParam(100, fc.constantFrom('YzE6eA', 'YzE6YnVsay0x')),
        }),
      )
      .map(([as, { query, named }]): Shot => ({
        label: 'GET /disputes?…',
        req: { method: 'GET', path: `/disputes?${query}`, as },
        expect: [400],
        named,
      }));
    await fire('list', arb, runs(400));
  }, 120_000);

  it('GET /disputes/:id and its sub-resources with garbage and invisible ids', async () => {
    const subs = ['', '/events', '/allowed-events', '/audit/verify', '/timers'];
    const labels = ['', '/events', '/allowed-events', '/audit/verify', '/timers'].map(
      (s) => `GET /disputes/:id${s}`,
    );
    // Real cases the caller may not see: they must not exist for them.
    const invisible: [Who, () => string][] = [
      ['gw3', () => ids.blue],
      ['gw2', () => ids.blue],
      ['gw1', () => ids.red],
      ['officer2', () => ids.yellow],
      ['super2', () => ids.red],
      ['lawyer1', () => ids.yellow],
      ['pCourt', () => ids.blue],
      ['pCourt2', () => ids.red],
      ['gw1', () => ids.s2],
      ['police1', () => ids.s2],
    ];
    const arb = fc
      .tuple(
        fc.nat(subs.length - 1),
        fc.oneof(
          { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...EVERYONE), garbageId) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(...invisible).map(([w, id]): [Who, string] => [w, id()]),
          },
        ),
      )
      .map(([i, [as, id]]): Shot => ({
        label: labels[i],
        req: { method: 'GET', path: `/disputes/${pct(id)}${subs[i]}`, as },
        expect: idExpect(id),
      }));
    await fire('ids', arb, runs(500));
  }, 120_000);

  it('POST /disputes/:id/events to garbage and invisible ids', async () => {
    const valid = json({ type: 'ESCALATE', reason: 'x' });
    const arb = fc
      .oneof(
        fc.tuple(fc.constantFrom<Who>('gw1', 'super1', 'admin'), garbageId),
        fc
          .constantFrom<[Who, string]>(['gw3', 'blue'], ['super2', 'red'], ['lawyer1', 'yellow'])
          .map(([w, k]): [Who, string] => [w, ids[k as keyof typeof ids]]),
      )
      .map(([as, id]): Shot => ({
        label: 'POST /disputes/:id/events',
        req: { method: 'POST', path: `/disputes/${pct(id)}/events`, as, body: valid },
        expect: idExpect(id),
      }));
    await fire('event ids', arb, runs(200));
  }, 120_000);

  it('GET /me/notifications?… with bad query strings', async () => {
    const arb = fc
      .tuple(
        fc.constantFrom<Who>('super1', 'officer1', 'gw1', 'admin'),
        badQuery({
          unread: boolParam,
          page: intParam(1, 100_000),
          pageSize: intParam(1, 200),
        }),
      )
      .map(([as, { query, named }]): Shot => ({
        label: 'GET /me/notifications?…',
        req: { method: 'GET', path: `/me/notifications?${query}`, as },
        expect: [400],
        named,
      }));
    await fire('inbox', arb, runs(250));
  }, 120_000);

  it("POST /me/notifications/:id/read with garbage ids and other people's notifications", async () => {
    const others = (who: Who) =>
      notifications.filter((n) => who === 'admin' || n.userId !== world.id[who]).map((n) => n.id);
    const arb = fc
      .tuple(fc.constantFrom(...EVERYONE), fc.oneof(garbageId, fc.constant('')), fc.nat())
      .map(([as, garbage, pick]): Shot => {
        const theirs = others(as);
        const id = garbage === '' && theirs.length > 0 ? theirs[pick % theirs.length] : garbage;
        return {
          label: 'POST /me/notifications/:id/read',
          req: { method: 'POST', path: `/me/notifications/${pct(id || 'x')}/read`, as },
          expect: idExpect(id),
        };
      });
    await fire('mark read', arb, runs(250));
  }, 120_000);

  it('GET /agenda?unit=… with bad units (a good unit would build and store an agenda)', async () => {
    const codes = ['S1', 'S2', 'C1', 'C2', 'G1', 'G2', 'G3'];
    const arb = fc
      .tuple(
        fc.constantFrom<Who>('admin', 'super1', 'officer1', 'police1', 'gw1'),
        badQuery(
          {
            unit: {
              good: fc.constantFrom('S1', 'C1', 'S2', 'C2'),
              bad: fc.oneof(
                fc.constantFrom('', 'G1', 'G2', 'G3', 's1', 'S1 ', 'S1\u0000'),
                tooLong(64),
                oddString.filter((s) => !codes.includes(s)),
              ),
            },
            fresh: boolParam,
          },
          [fc.constant<Entry>(['unit', ['S1', 'C1']])],
        ),
      )
      // Without a unit the query is bad too; a missing unit is the plainest bad unit.
      .map(([as, { query, named }]): Shot => ({
        label: 'GET /agenda?…',
        req: { method: 'GET', path: `/agenda?${query}`, as },
        expect: [400, 404],
        named,
      }));
    const missing = fc.constantFrom<Shot>(
      {
        label: 'GET /agenda?…',
        req: { method: 'GET', path: '/agenda', as: 'admin' },
        expect: [400],
      },
      {
        label: 'GET /agenda?…',
        req: { method: 'GET', path: '/agenda?fresh=true', as: 'super1' },
        expect: [400],
      },
    );
    await fire(
      'agenda',
      fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: missing }),
      runs(250),
    );
  }, 120_000);

  it('GET /stats?… with bad units, dates and ranges', async () => {
    const codes = ['S1', 'S2', 'C1', 'C2', 'G1', 'G2', 'G3'];
    const date: ParamSpec = {
      good: isoGood,
      bad: fc
        .oneof(
          oddString,
          fc.constantFrom(
            '2024-02-30',
            '2024-13-01',
            '20240101',
            '2024-W01-1',
            '2024-123',
            '1700000000',
          ),
          isoGood.map((d) => d.replace('T', ' ')),
        )
        .filter(
          (s) =>
            !isISO8601(s, { strict: true, strictSeparator: true }) || Number.isNaN(Date.parse(s)),
        ),
    };
    const arb = fc
      .tuple(
        fc.constantFrom(...EVERYONE),
        badQuery({
          unit: {
            good: fc.constantFrom(...codes),
            bad: fc.oneof(
              fc.constantFrom('', 'NOPE', 's1', 'S1\u0000'),
              tooLong(64),
              oddString.filter((s) => !codes.includes(s)),
            ),
          },
          from: date,
          to: date,
        }),
      )
      .map(([as, { query, named }]): Shot => ({
        label: 'GET /stats?…',
        req: { method: 'GET', path: `/stats?${query}`, as },
        expect: [400, 404],
        named,
      }));
    const inverted = fc.tuple(isoGood, isoGood).map(([a, b]): Shot => ({
      label: 'GET /stats?…',
      req: {
        method: 'GET',
        path: `/stats?from=${pct(a > b ? a : b)}&to=${pct(a > b ? b : a)}`,
        as: 'super1',
      },
      expect: [400],
      named: ['from'],
    }));
    await fire(
      'stats',
      fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: inverted }),
      runs(300),
    );
  }, 120_000);

  it('header abuse: bad tokens, wrong content types, bad Idempotency-Keys, oversized bodies', async () => {
    const secret = api.config.jwtSecret;
    const admin = world.token.admin;
    const claims = claimsOf(admin);
    const now = Math.floor(Date.now() / 1000);
    const [gwHead, , gwSig] = world.token.gw1.split('.');
    const badTokens = [
      '',
      'Bearer',
      'Bearer ',
      'Basic YWRtaW46YWRtaW4tcGFzc3dvcmQ=',
      `Token ${admin}`,
      `Bearer ${admin} extra`,
      `Bearer ${admin.split('.').slice(0, 2).join('.')}.`,
      `Bearer ${signJwt({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-secret')}`,
      `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`,
      `Bearer ${signJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }, secret)}`,
      `Bearer ${signJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'someone-else' }, secret)}`,
      `Bearer ${signJwt({ alg: 'HS512', typ: 'JWT' }, claims, secret, 'sha512')}`,
      `Bearer ${signJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, role: 'superuser' }, secret)}`,
      `Bearer ${gwHead}.${b64url({ ...claimsOf(world.token.gw1), role: 'admin' })}.${gwSig}`,
    ];
    const tokenArb = fc.oneof(
      fc.constantFrom(...badTokens),
      fc.string({ maxLength: 60 }).map((s) => `Bearer ${s.replace(/\s/g, '')}x`),
      fc.string({ maxLength: 60 }),
    );
    let serial = 0;
    const fresh = () => `AB-${++serial}`;
    // Requests that would succeed, and most of them write, if the header were accepted.
    const valid: { label: string; req: () => Req }[] = [
      {
        label: 'POST /auth/login',
        req: () => ({
          method: 'POST',
          path: '/auth/login',
          as: null,
          body: json({ username: 'admin', password: 'admin-password' }),
        }),
      },
      {
        label: 'POST /admin/units',
        req: () => ({
          method: 'POST',
          path: '/admin/units',
          as: 'admin',
          body: json({ code: fresh(), name: 'N', kind: 'street' }),
        }),
      },
      {
        label: 'POST /admin/users',
        req: () => ({
          method: 'POST',
          path: '/admin/users',
          as: 'admin',
          body: json({
            username: fresh(),
            password: 'password-123',
            displayName: 'N',
            role: 'grid_worker',
            unitCode: 'G1',
          }),
        }),
      },
      {
        label: 'POST /disputes',
        req: () => ({ method: 'POST', path: '/disputes', as: 'gw1', body: json(disputeBody()) }),
      },
      {
        label: 'POST /disputes/:id/events',
        req: () => ({
          method: 'POST',
          path: `/disputes/${ids.blue}/events`,
          as: 'gw1',
          body: json({ type: 'ESCALATE', reason: 'x' }),
        }),
      },
      {
        label: 'POST /me/notifications/:id/read',
        req: () => ({
          method: 'POST',
          path: `/me/notifications/${unreadOfSuper1}/read`,
          as: 'super1',
        }),
      },
      {
        label: 'GET /agenda?…',
        req: () => ({ method: 'GET', path: '/agenda?unit=S1&fresh=true', as: 'super1' }),
      },
      { label: 'GET /disputes?…', req: () => ({ method: 'GET', path: '/disputes', as: 'admin' }) },
      {
        label: 'GET /disputes/:id',
        req: () => ({ method: 'GET', path: `/disputes/${ids.blue}`, as: 'gw1' }),
      },
      { label: 'GET /stats?…', req: () => ({ method: 'GET', path: '/stats', as: 'super1' }) },
      {
        label: 'GET /me/notifications?…',
        req: () => ({ method: 'GET', path: '/me/notifications', as: 'super1' }),
      },
    ];
    const posts = valid.filter((v) => v.req().method === 'POST' && v.req().body !== undefined);
    const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.-]{1,128}$/;
    // Login is public: a token, good or bad, does not matter there.
    const guarded = valid.filter((v) => v.label !== 'POST /auth/login');
    const badAuth = fc
      .tuple(fc.constantFrom(...guarded), tokenArb)
      .map(([v, authorization]): Shot => ({
        label: v.label,
        req: { ...v.req(), authorization },
        expect: [401],
      }));
    const badType = fc
      .tuple(
        fc.constantFrom(...posts),
        fc.oneof(
          fc.constantFrom(
            'text/plain',
            'text/json',
            'application/xml',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/jsonx',
            'application/json-seq',
            'application/octet-stream',
            'json',
            '*/*',
            'application/json; charset=latin1',
            'application/json; charset=utf-16',
            'application/json; charset=ebcdic',
          ),
          fc.string({ maxLength: 30 }).filter((s) => !/json/i.test(s) && s.trim() !== ''),
        ),
      )
      .map(([v, contentType]): Shot => ({
        label: v.label,
        req: { ...v.req(), contentType },
        expect: [400, 415],
      }));
    const badKey = fc
      .oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('', ' ', 'a b', 'a/b', 'key:1', 'é', 'x'.repeat(129), 'x'.repeat(4000)),
        fc.string({ minLength: 129, maxLength: 400 }).map((s) => s.replace(/[^A-Za-z0-9]/g, 'k')),
      )
      .filter((k) => !IDEMPOTENCY_KEY.test(k.replace(/^[ \t]+|[ \t]+$/g, '')))
      .map((idempotencyKey): Shot => ({
        label: 'POST /disputes/:id/events',
        req: {
          method: 'POST',
          path: `/disputes/${ids.blue}/events`,
          as: 'gw1',
          body: json({ type: 'ESCALATE', reason: 'with a bad key' }),
          idempotencyKey,
        },
        expect: [400],
        named: ['Idempotency-Key'],
      }));
    const oversized = fc
      .tuple(fc.constantFrom(...posts), fc.integer({ min: 1, max: 100_000 }))
      .map(([v, extra]): Shot => {
        const r = v.req();
        const body = JSON.parse(r.body as string) as Body;
        return {
          label: v.label,
          req: { ...r, body: () => json({ ...body, pad: 'x'.repeat(256 * 1024 + extra) }) },
          expect: [413],
        };
      });
    await fire(
      'headers',
      fc.oneof(
        { weight: 5, arbitrary: badAuth },
        { weight: 3, arbitrary: badType },
        { weight: 3, arbitrary: badKey },
        { weight: 1, arbitrary: oversized },
      ),
      runs(500),
    );
  }, 180_000);
});
