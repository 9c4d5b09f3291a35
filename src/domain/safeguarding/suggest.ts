import type { AccumulationPrompt } from './accumulation.ts';
import type { AllegedKind, Column, FactKey, Framework, IndicatorEntry, RouteClause, SourceRef } from './framework.ts';
import { resolveIndicators } from './framework.ts';

/**
 * Threshold decision support: from what was recorded about a concern, what the framework
 * suggests — a lower-level concern, or consider a section 42 enquiry — with the indicators that
 * led there, the lower-level alternatives and the special routes that apply (each with why).
 * It never decides: the safeguarding lead records the decision (src/app/safeguarding/decide-concern.ts).
 * Where the thresholds cannot be applied it says what is missing instead of guessing
 * (thresholds guidance, introduction: "insufficient information … further enquiries").
 */

export type Tristate = 'yes' | 'no' | 'unknown';
export type ConcernFacts = {
  indicatorIds: readonly string[];
  alleged: readonly { kind: AllegedKind; staffId?: string | null }[];
  childrenInvolved: Tristate;
  possibleCrime: Tristate;
  /** The person's capacity for the decision in question. */
  capacity: 'has' | 'lacks' | 'unknown';
  risk: 'low' | 'medium' | 'high' | 'unknown';
};

export type Outcome = 'lower_level' | 'consider_s42' | 'insufficient_information';
export type SuggestedIndicator = {
  id: string; text: string; column: Column; abuseType: string; abuseTypeLabel: string; part?: string; expects?: string; ref: SourceRef;
};
export type SuggestedRoute = { id: string; label: string; action: string; why: string[] };
export type MissingFact = { field: string; question: string; why: string };
export type Suggestion = {
  frameworkId: string;
  frameworkVersion: string;
  outcome: Outcome;
  /** The indicators that led to the outcome (the enquiry-column ones when any was chosen). */
  ledBy: SuggestedIndicator[];
  /** Every chosen indicator, for the record. */
  chosen: SuggestedIndicator[];
  lowerLevelAlternatives: { id: string; label: string; isNamedByIndicator: boolean }[];
  routes: SuggestedRoute[];
  missing: MissingFact[];
  cautions: string[];
  accumulation?: AccumulationPrompt;
  /** Always shown: the guidance supports, never replaces, professional judgement. */
  notice: string;
};

const QUESTIONS: Record<FactKey, string> = {
  capacity: 'Does the person have capacity for the decision about these risks?',
  risk: 'What is the level of risk (low, medium or high)?',
  childrenInvolved: 'Are children involved or living in the household?',
  possibleCrime: 'Could this be a crime?',
};

const toSuggested = ({ indicator, abuseType }: IndicatorEntry): SuggestedIndicator => ({
  id: indicator.id, text: indicator.text, column: indicator.column, abuseType: abuseType.id, abuseTypeLabel: abuseType.label,
  ...(indicator.part ? { part: indicator.part } : {}), ...(indicator.expects ? { expects: indicator.expects } : {}), ref: indicator.ref,
});

/** Whether one route condition holds for these facts and indicators. */
function clauseHolds(c: RouteClause, routeId: string, facts: ConcernFacts, chosen: IndicatorEntry[]): boolean {
  if (c.possibleCrime && facts.possibleCrime !== c.possibleCrime) return false;
  if (c.childrenInvolved && facts.childrenInvolved !== c.childrenInvolved) return false;
  if (c.capacity && !(c.capacity as string[]).includes(facts.capacity)) return false;
  if (c.risk && !(c.risk as string[]).includes(facts.risk)) return false;
  if (c.allegedKinds && !facts.alleged.some((a) => c.allegedKinds!.includes(a.kind))) return false;
  if (c.indicatorRoute && !chosen.some((e) => e.indicator.routes?.includes(routeId))) return false;
  if (c.abuseTypes) {
    const inTypes = chosen.filter((e) => c.abuseTypes!.includes(e.abuseType.id));
    if (inTypes.length === 0) return false;
    if (c.anyInColumn && !inTypes.some((e) => e.indicator.column === c.anyInColumn)) return false;
    if (c.allInColumn && !inTypes.every((e) => e.indicator.column === c.allInColumn)) return false;
  }
  return true;
}

export function suggest(framework: Framework, facts: ConcernFacts, options: { accumulation?: AccumulationPrompt } = {}): Suggestion {
  const chosen = resolveIndicators(framework, [...new Set(facts.indicatorIds)]);
  const s42 = chosen.filter((e) => e.indicator.column === 'consider_s42');
  const lower = chosen.filter((e) => e.indicator.column === 'lower_level');

  const missing: MissingFact[] = [];
  if (chosen.length === 0) {
    missing.push({
      field: 'indicatorIds',
      question: 'Which indicators in the guidance fit what happened?',
      why: 'No indicator was chosen. If none fits, discuss the concern with a manager (the guidance does not list every indicator).',
    });
  }
  const chosenTypes = new Set(chosen.map((e) => e.abuseType.id));
  for (const rf of framework.requiredFacts) {
    if (!chosenTypes.has(rf.abuseType)) continue;
    for (const fact of rf.facts) {
      if (facts[fact] === 'unknown' && !missing.some((m) => m.field === fact)) missing.push({ field: fact, question: QUESTIONS[fact], why: rf.why });
    }
  }

  // An enquiry-column indicator suggests an enquiry whatever else is unknown; otherwise missing facts
  // that decide the route mean the thresholds cannot yet be applied.
  const outcome: Outcome = s42.length > 0 ? 'consider_s42' : missing.length > 0 ? 'insufficient_information' : 'lower_level';

  const routes: SuggestedRoute[] = [];
  for (const r of framework.routes) {
    if (r.id === 'accumulation') continue;
    const why: string[] = [];
    for (const c of r.when) {
      if (!clauseHolds(c, r.id, facts, chosen)) continue;
      const named = c.indicatorRoute ? chosen.filter((e) => e.indicator.routes?.includes(r.id)).map((e) => `“${e.indicator.text}”`) : [];
      why.push(named.length ? `${c.why} ${named.join('; ')}` : c.why);
    }
    if (why.length) routes.push({ id: r.id, label: r.label, action: r.action, why });
  }
  const accumulation = options.accumulation?.prompt ? options.accumulation : undefined;
  const accRoute = framework.routes.find((r) => r.id === 'accumulation');
  if (accumulation && accRoute) routes.push({ id: accRoute.id, label: accRoute.label, action: accRoute.action, why: [accumulation.message] });

  const named = new Set(lower.flatMap((e) => e.indicator.alternatives ?? []));
  const cautions = [...new Set(chosen.map((e) => e.abuseType.caution).filter((c): c is string => !!c))];

  return {
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    outcome,
    ledBy: (outcome === 'consider_s42' ? s42 : outcome === 'lower_level' ? lower : []).map(toSuggested),
    chosen: chosen.map(toSuggested),
    lowerLevelAlternatives: framework.lowerLevelAlternatives.map((a) => ({ id: a.id, label: a.label, isNamedByIndicator: named.has(a.id) })),
    routes,
    missing,
    cautions,
    ...(accumulation ? { accumulation } : {}),
    notice: framework.notSubstituteForJudgement.text,
  };
}
