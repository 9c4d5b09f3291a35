import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import llr from './frameworks/llr-2023.json' with { type: 'json' };
import { accumulationPrompt } from './accumulation.ts';
import { parseFramework, type Indicator } from './framework.ts';
import { suggest, type ConcernFacts } from './suggest.ts';

const framework = parseFramework(llr, 'llr-2023.json');
const all: { indicator: Indicator; type: string }[] = framework.abuseTypes.flatMap((t) => t.indicators.map((indicator) => ({ indicator, type: t.id })));

/** Every fact known and neutral: no crime, no children, capacity, low risk, nobody named. */
const neutral = (indicatorIds: string[], over: Partial<ConcernFacts> = {}): ConcernFacts => ({
  indicatorIds, alleged: [{ kind: 'not_known' }], childrenInvolved: 'no', possibleCrime: 'no', capacity: 'has', risk: 'low', ...over,
});

/**
 * Routes the guidance attaches to an abuse type itself, written out here independently of the
 * route conditions in the file: domestic abuse → DASH/MARAC (p. "Domestic abuse"), modern slavery
 * indicators → police (a crime), self-neglect: high-risk column with capacity → VARM, lower risk → case management.
 */
function typeRoutes(type: string, column: string): string[] {
  if (type === 'domestic_abuse') return ['dash_marac'];
  if (type === 'modern_slavery' && column === 'consider_s42') return ['police'];
  if (type === 'self_neglect') return column === 'consider_s42' ? ['varm'] : ['case_management'];
  return [];
}

describe('suggestion for every indicator in the framework, alone', () => {
  test('the file has indicators in both columns', () => {
    assert.ok(all.filter((a) => a.indicator.column === 'lower_level').length >= 30);
    assert.ok(all.filter((a) => a.indicator.column === 'consider_s42').length >= 100);
  });
  for (const { indicator, type } of all) {
    test(`${indicator.id} (${indicator.column}): ${indicator.text.slice(0, 60)}`, () => {
      const s = suggest(framework, neutral([indicator.id]));
      assert.equal(s.outcome, indicator.column, 'the outcome follows the column the guidance puts it in');
      assert.deepEqual(s.ledBy.map((i) => i.id), [indicator.id]);
      assert.equal(s.ledBy[0].ref.line, indicator.ref.line);
      assert.deepEqual(s.missing, []);
      const expected = new Set([...(indicator.routes ?? []), ...typeRoutes(type, indicator.column)]);
      assert.deepEqual(new Set(s.routes.map((r) => r.id)), expected);
      for (const r of s.routes) assert.ok(r.why.length > 0 && r.why.every((w) => w.length > 5), `route ${r.id} says why`);
      for (const routeId of indicator.routes ?? []) {
        if (routeId === 'case_management') continue; // applies through the risk level, not the indicator's words
        assert.ok(s.routes.find((r) => r.id === routeId)!.why.some((w) => w.includes(indicator.text)), `${routeId} names the indicator`);
      }
    });
  }
});

describe('every special route', () => {
  const find = (pred: (i: Indicator) => boolean) => all.find((a) => pred(a.indicator))!.indicator.id;
  const ll = (type: string) => all.find((a) => a.type === type && a.indicator.column === 'lower_level')!.indicator.id;
  const s42 = (type: string) => all.find((a) => a.type === type && a.indicator.column === 'consider_s42' && !a.indicator.routes)?.indicator.id as string;
  const prompt = accumulationPrompt(
    { raisedAt: new Date('2026-03-01T10:00:00Z'), personIds: ['p'], allegedStaffIds: [] },
    [1, 2].map((n) => ({ id: `c${n}`, raisedAt: new Date(`2026-02-0${n}T10:00:00Z`), personIds: ['p'], allegedStaffIds: [], isLowerLevel: true })),
  );
  const cases: { route: string; name: string; facts: ConcernFacts; present: boolean; accumulation?: boolean }[] = [
    { route: 'police', name: 'recorded as a possible crime', facts: neutral([ll('financial')], { possibleCrime: 'yes' }), present: true },
    { route: 'police', name: 'an indicator that is a crime (assault)', facts: neutral([find((i) => i.text.startsWith('An assault'))]), present: true },
    { route: 'police', name: 'not without a crime', facts: neutral([ll('financial')]), present: false },
    { route: 'dash_marac', name: 'domestic abuse indicator', facts: neutral([ll('domestic_abuse')]), present: true },
    { route: 'dash_marac', name: 'harm alleged by a partner', facts: neutral([s42('physical')], { alleged: [{ kind: 'partner' }] }), present: true },
    { route: 'dash_marac', name: 'not for a stranger', facts: neutral([s42('physical')], { alleged: [{ kind: 'stranger' }] }), present: false },
    { route: 'childrens_services', name: 'children involved', facts: neutral([s42('domestic_abuse')], { childrenInvolved: 'yes' }), present: true },
    { route: 'childrens_services', name: 'no children', facts: neutral([s42('domestic_abuse')]), present: false },
    { route: 'varm', name: 'self-neglect, high risk, has capacity', facts: neutral([ll('self_neglect')], { risk: 'high', capacity: 'has' }), present: true },
    { route: 'varm', name: 'not when lacking capacity', facts: neutral([s42('self_neglect')], { risk: 'high', capacity: 'lacks' }), present: false },
    { route: 'mca_best_interests', name: 'self-neglect, high risk, lacks capacity', facts: neutral([s42('self_neglect')], { risk: 'high', capacity: 'lacks' }), present: true },
    { route: 'mca_best_interests', name: 'not with capacity', facts: neutral([s42('self_neglect')], { risk: 'high', capacity: 'has' }), present: false },
    { route: 'case_management', name: 'self-neglect, lower risk', facts: neutral([ll('self_neglect')], { risk: 'medium' }), present: true },
    { route: 'case_management', name: 'not at high risk', facts: neutral([ll('self_neglect')], { risk: 'high' }), present: false },
    { route: 'prevent', name: 'radicalisation', facts: neutral([find((i) => i.routes?.includes('prevent') ?? false)]), present: true },
    { route: 'modern_slavery', name: 'a modern slavery indicator', facts: neutral([s42('modern_slavery') ?? find((i) => i.id.startsWith('modern_slavery.s42'))]), present: true },
    { route: 'cuckooing', name: 'signs of cuckooing under physical abuse', facts: neutral([find((i) => i.id.startsWith('physical') && !!i.routes?.includes('cuckooing'))]), present: true },
    { route: 'cuckooing', name: 'a cuckooing sign', facts: neutral([find((i) => i.id.startsWith('cuckooing.'))]), present: true },
    { route: 'pressure_ulcer_protocol', name: 'pressure damage', facts: neutral([find((i) => i.text.includes('pressure ulcer grade 2'))]), present: true },
    { route: 'accumulation', name: 'third lower-level concern in the window', facts: neutral([ll('financial')]), present: true, accumulation: true },
    { route: 'accumulation', name: 'without a prompt', facts: neutral([ll('financial')]), present: false },
  ];
  test('the table covers every route in the file', () => {
    assert.deepEqual(new Set(cases.filter((c) => c.present).map((c) => c.route)), new Set(framework.routes.map((r) => r.id)));
  });
  for (const c of cases) {
    test(`${c.route}: ${c.name} → ${c.present ? 'applies' : 'does not apply'}`, () => {
      const s = suggest(framework, c.facts, c.accumulation ? { accumulation: prompt } : {});
      const route = s.routes.find((r) => r.id === c.route);
      assert.equal(!!route, c.present);
      if (route) assert.ok(route.why.length > 0 && route.action.length > 10);
    });
  }
});

describe('insufficient information and mixed concerns', () => {
  test('no indicator chosen: says what is missing rather than guessing', () => {
    const s = suggest(framework, neutral([]));
    assert.equal(s.outcome, 'insufficient_information');
    assert.deepEqual(s.missing.map((m) => m.field), ['indicatorIds']);
    assert.deepEqual(s.ledBy, []);
  });
  test('self-neglect with capacity and risk unknown: both named as missing', () => {
    const id = all.find((a) => a.type === 'self_neglect' && a.indicator.column === 'lower_level')!.indicator.id;
    const s = suggest(framework, neutral([id], { capacity: 'unknown', risk: 'unknown' }));
    assert.equal(s.outcome, 'insufficient_information');
    assert.deepEqual(s.missing.map((m) => m.field), ['capacity', 'risk']);
  });
  test('an enquiry-column indicator still suggests an enquiry, and the missing facts are listed', () => {
    const id = all.find((a) => a.type === 'domestic_abuse' && a.indicator.column === 'consider_s42')!.indicator.id;
    const s = suggest(framework, neutral([id], { childrenInvolved: 'unknown' }));
    assert.equal(s.outcome, 'consider_s42');
    assert.deepEqual(s.missing.map((m) => m.field), ['childrenInvolved']);
  });
  test('a lower-level and an enquiry indicator together: the enquiry one leads', () => {
    const lower = all.find((a) => a.type === 'physical' && a.indicator.column === 'lower_level')!.indicator.id;
    const higher = all.find((a) => a.type === 'psychological' && a.indicator.column === 'consider_s42')!.indicator.id;
    const s = suggest(framework, neutral([lower, higher]));
    assert.equal(s.outcome, 'consider_s42');
    assert.deepEqual(s.ledBy.map((i) => i.id), [higher]);
    assert.equal(s.chosen.length, 2);
  });
  test('an unknown indicator is refused with the field named', () => {
    assert.throws(() => suggest(framework, neutral(['physical.ll.99'])), (e: Error & { field?: string }) => e.field === 'indicatorIds.0');
  });
  test('cuckooing signs carry the guidance caution', () => {
    const id = all.find((a) => a.type === 'cuckooing')!.indicator.id;
    assert.match(suggest(framework, neutral([id])).cautions.join(' '), /not every/i);
  });
});

describe('self-neglect routes (scenario 12)', () => {
  const lowerSn = all.find((a) => a.type === 'self_neglect' && a.indicator.column === 'lower_level')!.indicator.id;
  const routesFor = (over: Partial<ConcernFacts>) => suggest(framework, neutral([lowerSn], over)).routes.map((r) => r.id).filter((r) => ['varm', 'mca_best_interests', 'case_management'].includes(r));
  test('high risk, has capacity → VARM', () => assert.deepEqual(routesFor({ risk: 'high', capacity: 'has' }), ['varm']));
  test('high risk, lacks capacity → MCA best interests', () => assert.deepEqual(routesFor({ risk: 'high', capacity: 'lacks' }), ['mca_best_interests']));
  test('lower risk → case management', () => {
    assert.deepEqual(routesFor({ risk: 'low', capacity: 'has' }), ['case_management']);
    assert.deepEqual(routesFor({ risk: 'medium', capacity: 'lacks' }), ['case_management']);
  });
});
