/**
 * Every refusal the workflow can give has a stable code with an English and a Chinese text
 * (issue 18): the catalogue is complete, the sources use only catalogued codes and every code
 * is used, and a walk through every status, event, actor and a bad payload meets only coded
 * refusals whose sentences read well in both languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATUSES, type Status } from './domain';
import { allowedEvents, step } from './engine';
import { EVENT_TYPES, type EventType } from './events';
import {
  REFUSAL_CODES,
  REFUSAL_TEXTS,
  coded,
  refusal,
  refusalText,
  type CodedRefusal,
  type RefusalCode,
} from './refusals';
import { ruleRefusal, whoRefusal } from './rules';
import { ALL_ACTORS, at, caseIn, event, type Case } from './testing/fixtures';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u4e00-\u9fff]/;
const KNOWN_UNCODED = 0;

describe('the refusal catalogue', () => {
  it.each(REFUSAL_CODES)('%s has an English and a Chinese text naming the same values', (code) => {
    const { en, zh } = REFUSAL_TEXTS[code];
    expect(code).toMatch(/^[A-Z][A-Z_]+$/);
    expect(en).toMatch(/^[a-zA-Z{]/);
    expect(zh).toMatch(CJK);
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it('words parameters in each language, vocabulary included', () => {
    const r = refusal('PANEL_INCOMPLETE', { institutions: 'law_firm, court' });
    expect(r.message).toBe(
      'the panel lacks a member from: law_firm, court (three offices and one court must all sit)',
    );
    expect(refusalText(r.code, r.params, 'zh')).toBe(
      '调解小组缺少以下单位的成员：律师事务所、人民法庭（“三所一庭”必须到齐）',
    );
    expect(refusalText('HANDLER_RED', { supervisorStreet: 'S-1' }, 'zh')).toBe(
      '此红色案件只由已召集的调解小组成员办理（或街道 S-1 的督办）',
    );
  });
});

// UNCODED wraps a bare sentence; IDEMPOTENCY_KEY_REUSED is given by the transition path.
const GIVEN_OUTSIDE_RULES: ReadonlySet<string> = new Set(['UNCODED', 'IDEMPOTENCY_KEY_REUSED']);

describe('the sources', () => {
  const sources = ['rules.ts', 'access.ts', 'engine.ts', 'representation.ts']
    .map((f) => readFileSync(join(__dirname, f), 'utf8'))
    .join('\n');

  it('use every catalogued code (no dead entries)', () => {
    const unused = REFUSAL_CODES.filter(
      (code) => !GIVEN_OUTSIDE_RULES.has(code) && !sources.includes(`'${code}'`),
    );
    expect(unused).toEqual([]);
  });

  it('give no refusal as a bare sentence: every return of a rule is coded', () => {
    // A sentence returned or yielded by a rule without refusal(…) would reach users uncoded.
    const bare = sources
      .split('\n')
      .filter((line) => /(return|\?|:)\s*[`'][a-z][^`']* [^`']*[`'];?$/.test(line.trim()));
    // Every rule answers with a code; a new bare sentence would reach users English only.
    expect(bare.length).toBeLessThanOrEqual(KNOWN_UNCODED);
  });
});

describe('walking every refusal the workflow gives', () => {
  // A payload wrong in every field: each rule finds something to refuse.
  const BAD: Record<string, unknown> = {
    reason: ' ',
    note: '',
    terms: '',
    agency: '',
    officerId: 'nobody',
    lawyerId: 'nobody',
    members: [{ userId: 'nobody', institution: 'court' }],
    partyIds: ['stranger'],
    partyId: 'stranger',
    signedByPartyIds: ['stranger'],
    consentingPartyIds: 'everyone',
    form: 'whisper',
    route: 'nowhere',
    risk: 'none',
    until: 'soon',
    performanceDueAt: 'tomorrow',
    performed: 'most',
    result: 'maybe',
    replacedUserId: 'nobody',
    replacementUserId: 'nobody',
    timerId: 't-none',
  };

  /**
   * What is wrong with a refusal's wording, as sentences: the walk below checks thousands of
   * refusals, and one expect per check was most of its time (jest builds an error per expect).
   */
  function wordingProblems(r: CodedRefusal): string[] {
    const problems: string[] = [];
    if (!(REFUSAL_CODES as readonly string[]).includes(r.code))
      problems.push(`unknown code ${r.code}`);
    if (r.message !== refusalText(r.code, r.params, 'en'))
      problems.push(`${r.code}: message "${r.message}" is not its English text`);
    for (const lang of ['en', 'zh'] as const) {
      const text = refusalText(r.code, r.params, lang);
      if (/undefined|\bnull\b|\[object|NaN|\{|\}/.test(text))
        problems.push(`${r.code} (${lang}): "${text}"`);
      if (lang === 'zh' && !CJK.test(text)) problems.push(`${r.code} (zh) not Chinese: "${text}"`);
    }
    return problems;
  }

  function expectWellWorded(r: CodedRefusal): void {
    expect(wordingProblems(r)).toEqual([]);
  }

  it('meets only coded refusals, in every status, for every event and actor', () => {
    const seen = new Set<RefusalCode>();
    const problems: string[] = [];
    const check = (r: CodedRefusal) => problems.push(...wordingProblems(r));
    const statuses: readonly Status[] = STATUSES;
    for (const status of statuses) {
      let c: Case;
      try {
        c = caseIn(status);
      } catch {
        continue;
      }
      for (const actor of ALL_ACTORS) {
        for (const a of allowedEvents(c.state, actor, at(60))) {
          if (a.allowed) continue;
          check({ code: a.code!, params: a.params!, message: a.reason! });
          seen.add(a.code!);
        }
        for (const type of EVENT_TYPES as readonly EventType[]) {
          const found = whoRefusal(c.context, type, actor);
          const who = found === null ? null : coded(found);
          if (who) {
            check(who);
            seen.add(who.code);
          }
          for (const payload of [{}, BAD]) {
            const e = event(type, payload as never, actor, at(60));
            const foundRule = ruleRefusal(c.context, e);
            const rule = foundRule === null ? null : coded(foundRule);
            if (rule) {
              check(rule);
              seen.add(rule.code);
            }
          }
        }
      }
    }
    // The walk reaches about half the catalogue (30 of 65 codes when written); the rest need
    // hand-made cases (rules.spec.ts, law.spec.ts), and the source checks above cover them.
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(30);
  });

  it('gives the code beside the sentence when a step is refused', () => {
    const c = caseIn('blue.mediating');
    const result = step(c.state, c.build('ACCEPT', {}, ALL_ACTORS[0], at(5)));
    expect(result).toMatchObject({ ok: false, code: expect.any(String) });
    if (!result.ok) expectWellWorded({ ...result, message: result.reason });
  });
});

describe('docs/api.md', () => {
  it('lists every refusal code in its table', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/api.md'), 'utf8');
    // Prettier pads the table's cells: the code's cell is `| `CODE` ` followed by spaces.
    const listed = new Set([...doc.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]));
    const missing = REFUSAL_CODES.filter((code) => !listed.has(code));
    expect(missing).toEqual([]);
  });
});
