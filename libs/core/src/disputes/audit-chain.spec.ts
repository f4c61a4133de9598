import type { DisputeEventEntity } from '@tricolor/persistence';
import { AuditKeyring, auditKeyring } from '../audit/audit-keys';
import {
  canonicalJson,
  GENESIS_HASH,
  hashRecord,
  MAX_PROBLEMS,
  verifyChain,
  verifyChainInTurns,
  type CaseRowState,
} from './audit-chain';
import { chainRecord, type EventRecordInput } from './event-log';

// Digests are never written out here: the tests go through hashRecord and chainRecord, so they
// hold whatever the hash function is (plain SHA-256 or keyed), only its properties matter.

const T0 = Date.parse('2026-03-04T05:06:07.089Z');

function input(n: number, overrides: Partial<EventRecordInput> = {}): EventRecordInput {
  return {
    disputeId: 'case-1',
    type: n === 1 ? 'OPEN' : 'ESCALATE',
    actorId: 'u-gw1',
    actorRole: 'grid_worker',
    payload: { reason: `step ${n}`, nested: { b: 2, a: [1, { y: true, x: null }] } },
    fromStatus: n === 1 ? null : n === 2 ? 'blue.mediating' : 'yellow.awaitingAcceptance',
    toStatus: n === 1 ? 'blue.mediating' : 'yellow.awaitingAcceptance',
    fromTier: n === 1 ? null : n === 2 ? 'blue' : 'yellow',
    toTier: n === 1 ? 'blue' : 'yellow',
    at: new Date(T0 + n * 1000),
    machineVersion: 1,
    idempotencyKey: null,
    response: null,
    ...overrides,
  };
}

/** A case's trail of `n` records, each chained to the one before, as the service writes it. */
function chain(n: number): DisputeEventEntity[] {
  const records: DisputeEventEntity[] = [];
  for (let i = 1; i <= n; i += 1) records.push(chainRecord(input(i), records.at(-1) ?? null));
  return records;
}

const clone = (records: DisputeEventEntity[]): DisputeEventEntity[] =>
  records.map((r) => ({ ...r, payload: structuredClone(r.payload), at: new Date(r.at) }));

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes the text', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}',
    );
    expect(canonicalJson({ z: 1, a: 2 })).toBe(canonicalJson({ a: 2, z: 1 }));
  });

  it('leaves out undefined members and keeps null ones', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('writes scalars, arrays and dates as JSON does', () => {
    expect(canonicalJson('张三 "q"')).toBe(JSON.stringify('张三 "q"'));
    expect(canonicalJson(12.5)).toBe('12.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([2, 1])).toBe('[2,1]');
    const at = new Date(T0);
    expect(canonicalJson({ at })).toBe(`{"at":${JSON.stringify(at)}}`);
  });

  it('quotes keys, so a key cannot forge structure', () => {
    expect(canonicalJson({ 'a":1,"b': 2 })).toBe('{"a\\":1,\\"b":2}');
  });

  it('orders keys by code unit, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3 })).toBe('{"B":2,"a":3,"b":1}');
  });
});

describe('hashRecord', () => {
  // Built in each test, not when the file loads: a record hashed while jest collects the tests
  // makes every hashing mutant "static" to Stryker, run against the whole file with a reload.
  let first: DisputeEventEntity;
  beforeEach(() => {
    [first] = chain(1);
  });

  it('is a 64-digit hex digest, the same for the same record', () => {
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecord({ ...first })).toBe(first.hash);
  });

  it('does not depend on the order of the payload keys', () => {
    const reordered = {
      ...first,
      payload: { nested: { a: [1, { x: null, y: true }], b: 2 }, reason: 'step 1' },
    };
    expect(hashRecord(reordered)).toBe(first.hash);
  });

  it('covers the link to the record before: the same content after another hash differs', () => {
    expect(hashRecord({ ...first, prevHash: 'f'.repeat(64) })).not.toBe(first.hash);
    expect(hashRecord({ ...first, prevHash: '1' + first.prevHash.slice(1) })).not.toBe(first.hash);
  });

  it.each<[string, Partial<DisputeEventEntity>]>([
    ['disputeId', { disputeId: 'case-2' }],
    ['seq', { seq: 2 }],
    ['type', { type: 'CLOSE' }],
    ['actorId', { actorId: 'u-other' }],
    ['actorRole', { actorRole: 'supervisor' }],
    ['payload', { payload: { reason: 'step 1!' } }],
    [
      'a nested payload value',
      { payload: { reason: 'step 1', nested: { b: 3, a: [1, { y: true, x: null }] } } },
    ],
    ['fromStatus', { fromStatus: 'blue.mediating' }],
    ['toStatus', { toStatus: 'closed' }],
    ['fromTier', { fromTier: 'blue' }],
    ['toTier', { toTier: 'red' }],
    ['at', { at: new Date(T0 + 1001) }],
    ['machineVersion', { machineVersion: 2 }],
  ])('covers %s', (_field, change) => {
    expect(hashRecord({ ...first, ...change })).not.toBe(first.hash);
  });

  it('does not cover the stored hash itself or the record id', () => {
    const record: DisputeEventEntity = { ...first, hash: 'x', id: 'another-id' };
    expect(hashRecord(record)).toBe(first.hash);
  });
});

describe('chainRecord', () => {
  it('starts a trail at seq 1 from the genesis hash, then links each record to the last', () => {
    const [a, b, c] = chain(3);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(c.prevHash).toBe(b.hash);
    expect(new Set([a.hash, b.hash, c.hash]).size).toBe(3);
  });
});

describe('verifyChain', () => {
  it('accepts an intact trail, and an empty one', () => {
    expect(verifyChain(chain(4))).toEqual({ intact: true, records: 4 });
    expect(verifyChain([])).toEqual({ intact: true, records: 0 });
  });

  it('catches an edited record (content changed, hash left)', () => {
    const records = clone(chain(4));
    records[2].payload = { reason: 'something else' };
    expect(verifyChain(records)).toMatchObject({
      intact: false,
      records: 4,
      brokenAt: { seq: 3, problem: 'its content does not match its hash' },
    });
  });

  it('catches an edit of the last record, and of the first', () => {
    const last = clone(chain(3));
    last[2].actorId = 'u-forger';
    expect(verifyChain(last).brokenAt).toEqual({
      seq: 3,
      problem: 'its content does not match its hash',
    });
    const first = clone(chain(3));
    first[0].toTier = 'red';
    expect(verifyChain(first).brokenAt?.seq).toBe(1);
  });

  it('catches an edited record whose hash was recomputed: the next record no longer links', () => {
    const records = clone(chain(4));
    records[1].payload = { reason: 'rewritten' };
    records[1].hash = hashRecord(records[1]);
    expect(verifyChain(records)).toMatchObject({
      intact: false,
      brokenAt: { seq: 3, problem: 'does not link to the record before it' },
    });
  });

  it('catches a relinked record: pointed at another hash and rehashed to match', () => {
    const records = clone(chain(4));
    records[2].prevHash = records[0].hash;
    records[2].hash = hashRecord(records[2]);
    expect(verifyChain(records).brokenAt).toEqual({
      seq: 3,
      problem: 'does not link to the record before it',
    });
  });

  it('catches a first record that does not start from the genesis hash', () => {
    const records = clone(chain(2));
    records[0].prevHash = 'a'.repeat(64);
    records[0].hash = hashRecord(records[0]);
    expect(verifyChain(records).brokenAt).toEqual({
      seq: 1,
      problem: 'does not link to the record before it',
    });
  });

  it('catches a deleted record in the middle', () => {
    const records = chain(4);
    expect(verifyChain([records[0], records[1], records[3]])).toMatchObject({
      intact: false,
      records: 3,
      brokenAt: { seq: 4, problem: 'expected record 3, found 4' },
    });
  });

  it('catches a deleted record renumbered to close the gap (the link gives it away)', () => {
    const records = clone(chain(4));
    const forged = [records[0], records[1], { ...records[3], seq: 3 }];
    forged[2].hash = hashRecord(forged[2]);
    expect(verifyChain(forged).brokenAt).toEqual({
      seq: 3,
      problem: 'does not link to the record before it',
    });
  });

  it('catches a deleted first record', () => {
    const records = chain(3);
    expect(verifyChain(records.slice(1)).brokenAt).toEqual({
      seq: 2,
      problem: 'expected record 1, found 2',
    });
  });

  it('catches reordered records', () => {
    const [a, b, c, d] = chain(4);
    expect(verifyChain([a, c, b, d]).brokenAt).toEqual({
      seq: 3,
      problem: 'expected record 2, found 3',
    });
  });

  it('catches reordered records renumbered to look in order', () => {
    const [a, b, c] = clone(chain(3));
    const swapped = [a, { ...c, seq: 2 }, { ...b, seq: 3 }];
    for (const r of swapped) r.hash = hashRecord(r);
    expect(verifyChain(swapped).brokenAt).toEqual({
      seq: 2,
      problem: 'does not link to the record before it',
    });
  });

  it('catches a duplicated record', () => {
    const [a, b, c] = chain(3);
    expect(verifyChain([a, b, b, c]).brokenAt).toEqual({
      seq: 2,
      problem: 'expected record 3, found 2',
    });
  });

  // A trail cut at its end is a valid shorter trail: the hash chain alone cannot tell. What
  // catches it is the case row (its version counts the records, its status is the last
  // record's toStatus); the verdict reports how many records it checked so a caller can compare.
  it('reports the length of a truncated trail, which is otherwise intact', () => {
    const records = chain(4);
    expect(verifyChain(records.slice(0, 2))).toEqual({ intact: true, records: 2 });
  });

  it('names the first break when there are several', () => {
    const records = clone(chain(4));
    records[1].type = 'EDITED';
    records[3].type = 'EDITED';
    expect(verifyChain(records).brokenAt?.seq).toBe(2);
  });
});

// The per-case verify answer (GET /disputes/:id/audit/verify) compares the trail with the case row.
describe('verifyChainInTurns (a request’s verify, issue 9)', () => {
  it('gives verifyChain’s verdict, intact and broken alike', async () => {
    const records = chain(45);
    expect(await verifyChainInTurns(records)).toEqual(verifyChain(records));
    const broken = clone(records);
    broken[30].payload = { reason: 'rewritten' };
    expect(await verifyChainInTurns(broken)).toEqual(verifyChain(broken));
    expect((await verifyChainInTurns(broken)).intact).toBe(false);
  });

  it('lets other work run once every 20 records, and only then', async () => {
    // A ticker on the same (check) phase as the yields: it runs once per yield.
    let turns = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    await verifyChainInTurns(chain(45)); // yields before records 21 and 41
    done = true;
    expect(turns).toBe(2);
  });
});

describe('verifyChain against the case row', () => {
  /** The row of a case whose trail is `records`, as the service keeps it. */
  const rowOf = (records: DisputeEventEntity[]): CaseRowState => {
    const last = records[records.length - 1];
    return { status: last.toStatus, tier: last.toTier ?? '', version: records.length };
  };

  it('an intact trail agrees with its row, and the verdict names the version', () => {
    const records = chain(4);
    expect(verifyChain(records, rowOf(records))).toEqual({ intact: true, records: 4, version: 4 });
  });

  it('catches a trail cut at its end, which the chain alone cannot', () => {
    const records = chain(4);
    const verdict = verifyChain(records.slice(0, 2), rowOf(records));
    expect(verdict).toMatchObject({ intact: false, records: 2, version: 4 });
    expect(verdict.problems).toEqual([
      { seq: null, problem: 'the case is at version 4 but its trail has 2 record(s)' },
      { seq: null, problem: 'the case is at version 4 but its last record is 2' },
    ]);
  });

  it('catches a case with no trail at all', () => {
    const verdict = verifyChain([], { status: 'blue.mediating', tier: 'blue', version: 1 });
    expect(verdict.problems).toEqual([
      { seq: null, problem: 'the case is at version 1 but its trail has 0 record(s)' },
    ]);
  });

  it('catches a row whose status or tier the last record did not leave it in', () => {
    const records = chain(3);
    const verdict = verifyChain(records, { ...rowOf(records), status: 'closed', tier: 'red' });
    expect(verdict.problems).toEqual([
      {
        seq: null,
        problem:
          'the case row says status closed but its last record left it yellow.awaitingAcceptance',
      },
      { seq: null, problem: 'the case row says tier red but its last record left it yellow' },
    ]);
  });
});

describe('verifyChain: seals and keys', () => {
  /** A record as written before keyed chains: plain SHA-256, no key id. */
  function legacy(n: number, before: DisputeEventEntity | null): DisputeEventEntity {
    const record: DisputeEventEntity = {
      ...input(n),
      id: `legacy-${n}`,
      seq: n,
      prevHash: before?.hash ?? GENESIS_HASH,
      keyId: null,
      hash: '',
    };
    record.hash = hashRecord(record);
    return record;
  }

  it('a record without a key is reported as unsealed, even when its plain hash is right', () => {
    const first = legacy(1, null);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain([first]).problems).toEqual([
      {
        seq: 1,
        problem: 'is not sealed with a key (written before keyed chains, or downgraded)',
      },
    ]);
  });

  it('a keyed record downgraded to no key is reported as unsealed', () => {
    const records = clone(chain(2));
    records[1] = { ...records[1], keyId: null };
    expect(verifyChain(records).problems).toEqual([
      {
        seq: 2,
        problem: 'is not sealed with a key (written before keyed chains, or downgraded)',
      },
    ]);
  });

  it('a record sealed with a key this server does not hold is reported by its key', () => {
    const records = chain(2);
    const elsewhere = new AuditKeyring('other', { other: 'a-key-this-test-made-up' });
    expect(verifyChain(records, undefined, elsewhere).problems).toEqual([
      {
        seq: 1,
        problem: `is sealed with key "${auditKeyring().currentId}", which this server does not hold`,
      },
      {
        seq: 2,
        problem: `is sealed with key "${auditKeyring().currentId}", which this server does not hold`,
      },
    ]);
    expect(() => hashRecord(records[0], elsewhere)).toThrow(
      `audit key "${auditKeyring().currentId}" is not held`,
    );
  });

  it('the same content sealed under another key does not verify', () => {
    const [first] = chain(1);
    const otherKey = new AuditKeyring(first.keyId ?? '', { [first.keyId ?? '']: 'another-secret' });
    expect(hashRecord(first, otherKey)).not.toBe(first.hash);
    expect(verifyChain([first], undefined, otherKey).problems).toEqual([
      { seq: 1, problem: 'its content does not match its hash' },
    ]);
  });
});

describe('verifyChain: where each record starts', () => {
  it('catches a record that does not start where the one before ended (rehashed to match)', () => {
    const records = clone(chain(3));
    records[2] = { ...records[2], fromStatus: 'red.convening', fromTier: 'red' };
    records[2].hash = hashRecord(records[2]);
    expect(verifyChain(records).problems).toEqual([
      {
        seq: 3,
        problem:
          'starts from red.convening/red but the record before ended at yellow.awaitingAcceptance/yellow',
      },
    ]);
  });

  // Either half of where a record starts is checked on its own: a status rewritten within the
  // same tier, or a tier rewritten under the same status, is a break too.
  it.each([
    ['its status only', { fromStatus: 'yellow.jointReview' as const }, 'yellow.jointReview/yellow'],
    ['its tier only', { fromTier: 'red' as const }, 'yellow.awaitingAcceptance/red'],
    ['nothing at all', { fromStatus: null, fromTier: null }, 'nothing/nothing'],
  ])('catches a record whose start differs in %s (rehashed to match)', (_what, start, shown) => {
    const records = clone(chain(3));
    records[2] = { ...records[2], ...start };
    records[2].hash = hashRecord(records[2]);
    expect(verifyChain(records).problems).toEqual([
      {
        seq: 3,
        problem: `starts from ${shown} but the record before ended at yellow.awaitingAcceptance/yellow`,
      },
    ]);
  });

  it('catches a first record that claims to start from a state', () => {
    const records = clone(chain(1));
    records[0] = { ...records[0], fromStatus: 'blue.mediating', fromTier: 'blue' };
    records[0].hash = hashRecord(records[0]);
    expect(verifyChain(records).problems).toEqual([
      {
        seq: 1,
        problem: 'starts from blue.mediating/blue but the record before ended at nothing/nothing',
      },
    ]);
  });

  it(`reports at most ${MAX_PROBLEMS} problems for a rewritten trail, oldest first`, () => {
    const records = clone(chain(MAX_PROBLEMS + 10)).map((r) => ({ ...r, type: 'EDITED' }));
    const verdict = verifyChain(records);
    expect(verdict.problems).toHaveLength(MAX_PROBLEMS);
    expect(verdict.problems?.[0]).toEqual({
      seq: 1,
      problem: 'its content does not match its hash',
    });
    expect(verdict.problems?.[MAX_PROBLEMS - 1]?.seq).toBe(MAX_PROBLEMS);
    expect(verdict.records).toBe(MAX_PROBLEMS + 10);
  });
});
