import { z } from 'zod';
import { invalid, notFound } from '../errors.ts';

/**
 * A safeguarding thresholds framework as data: one Safeguarding Adults Board's guidance, per
 * abuse type, the lower-level indicators and the indicators where a section 42 enquiry should be
 * considered, the lower-level alternatives and the special routes. Files live in ./frameworks/
 * and are validated with `frameworkSchema` whenever they are loaded (src/app/safeguarding/frameworks.ts).
 * Several frameworks (and versions) can be loaded side by side; a concern keeps the id and version
 * it was assessed under.
 */

export const COLUMNS = ['lower_level', 'consider_s42'] as const;
export type Column = (typeof COLUMNS)[number];
export const ALLEGED_KINDS = ['staff_member', 'position_of_trust', 'family', 'partner', 'person_supported', 'stranger', 'self', 'not_known'] as const;
export type AllegedKind = (typeof ALLEGED_KINDS)[number];
/** Facts the thresholds can depend on; 'unknown' is a real answer that the suggestion reports as missing. */
export const FACT_KEYS = ['capacity', 'risk', 'childrenInvolved', 'possibleCrime'] as const;
export type FactKey = (typeof FACT_KEYS)[number];

const text = z.string().trim().min(3).max(600);
const slug = z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _ only');
const looseRef = z.object({ section: z.string().optional(), line: z.number().int().positive(), also: z.array(z.number().int().positive()).optional() }).strict();
/** Where an item stands in the source text: section heading, the column it is laid out in, line and item number. */
const sourceRef = z.object({
  section: z.string().min(1),
  sourceColumn: z.enum(['type', 'lower_level', 'consider_s42']),
  line: z.number().int().positive(),
  item: z.number().int().positive(),
}).strict();

const indicator = z.object({
  id: z.string().regex(/^[a-z0-9_.]+$/),
  column: z.enum(COLUMNS),
  part: slug.optional(),
  text,
  /** What the guidance expects to have happened for a lower-level concern (e.g. care plan amended). */
  expects: z.string().optional(),
  routes: z.array(slug).optional(),
  alternatives: z.array(slug).optional(),
  ref: sourceRef,
}).strict();

const part = z.object({ id: slug, label: z.string(), sourceHeading: z.string(), ref: looseRef, sourceNote: z.string().optional() }).strict();

const abuseType = z.object({
  id: slug,
  label: z.string().min(1),
  sourceHeading: z.string().min(1),
  parts: z.array(part).optional(),
  appliesTo: z.string().optional(),
  caution: z.string().optional(),
  layoutNote: z.string().optional(),
  indicators: z.array(indicator).min(1),
}).strict();

/** One condition under which a special route applies; every field given must hold. */
const routeClause = z.object({
  why: z.string().min(3),
  possibleCrime: z.literal('yes').optional(),
  childrenInvolved: z.literal('yes').optional(),
  capacity: z.array(z.enum(['has', 'lacks'])).optional(),
  risk: z.array(z.enum(['low', 'medium', 'high'])).optional(),
  /** A chosen indicator belongs to one of these abuse types (narrowed by the column conditions). */
  abuseTypes: z.array(slug).optional(),
  /** At least one chosen indicator of those abuse types is in this column. */
  anyInColumn: z.enum(COLUMNS).optional(),
  /** Every chosen indicator of those abuse types is in this column. */
  allInColumn: z.enum(COLUMNS).optional(),
  allegedKinds: z.array(z.enum(ALLEGED_KINDS)).optional(),
  /** A chosen indicator names this route. */
  indicatorRoute: z.literal(true).optional(),
}).strict();

const route = z.object({ id: slug, label: z.string().min(1), action: text, ref: looseRef, when: z.array(routeClause) }).strict();

export const frameworkSchema = z.object({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().min(1).max(40),
  title: z.string().min(1),
  board: z.string().min(1),
  sourceFile: z.string().min(1),
  sourceDate: z.string().optional(),
  /** True for illustrative frameworks that are not any real board's guidance. */
  isExample: z.boolean(),
  summary: z.string().optional(),
  notSubstituteForJudgement: z.object({ text, ref: looseRef }),
  insufficientInformation: z.object({ text, ref: looseRef }),
  accumulation: z.object({ text, ref: looseRef }),
  lowerLevelAlternatives: z.array(z.object({ id: slug, label: z.string().min(1), ref: looseRef }).strict()).min(1),
  requiredFacts: z.array(z.object({ abuseType: slug, facts: z.array(z.enum(FACT_KEYS)).min(1), why: text }).strict()),
  routes: z.array(route),
  abuseTypes: z.array(abuseType).min(1),
  sourceNotes: z.array(z.object({ kind: slug, about: z.string(), text, ref: sourceRef }).strict()).default([]),
}).strict().superRefine((f, ctx) => {
  // Cross-references inside the file must resolve, or a suggestion would silently drop a route.
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const routeIds = new Set(f.routes.map((r) => r.id));
  const altIds = new Set(f.lowerLevelAlternatives.map((a) => a.id));
  const typeIds = new Set(f.abuseTypes.map((t) => t.id));
  const seen = new Set<string>();
  f.abuseTypes.forEach((t, ti) => {
    const parts = new Set((t.parts ?? []).map((p) => p.id));
    t.indicators.forEach((ind, ii) => {
      const at = ['abuseTypes', ti, 'indicators', ii];
      if (seen.has(ind.id)) issue([...at, 'id'], `duplicate indicator id ${ind.id}`);
      seen.add(ind.id);
      if (ind.part && !parts.has(ind.part)) issue([...at, 'part'], `unknown part ${ind.part}`);
      if (parts.size && !ind.part) issue([...at, 'part'], 'indicator of a divided abuse type needs its part');
      for (const r of ind.routes ?? []) if (!routeIds.has(r)) issue([...at, 'routes'], `unknown route ${r}`);
      for (const a of ind.alternatives ?? []) if (!altIds.has(a)) issue([...at, 'alternatives'], `unknown alternative ${a}`);
    });
  });
  f.routes.forEach((r, ri) => r.when.forEach((c, ci) => {
    for (const t of c.abuseTypes ?? []) if (!typeIds.has(t)) issue(['routes', ri, 'when', ci, 'abuseTypes'], `unknown abuse type ${t}`);
  }));
  f.requiredFacts.forEach((rf, i) => { if (!typeIds.has(rf.abuseType)) issue(['requiredFacts', i, 'abuseType'], `unknown abuse type ${rf.abuseType}`); });
  const indicatorIds = seen;
  f.sourceNotes.forEach((n, i) => {
    if (!routeIds.has(n.about) && !typeIds.has(n.about) && !indicatorIds.has(n.about)) issue(['sourceNotes', i, 'about'], `unknown route, abuse type or indicator ${n.about}`);
  });
  if (!routeIds.has('accumulation')) issue(['routes'], 'a framework needs an "accumulation" route (reconsidering several lower-level concerns)');
});

export type Framework = z.infer<typeof frameworkSchema>;
export type Indicator = Framework['abuseTypes'][number]['indicators'][number];
export type AbuseType = Framework['abuseTypes'][number];
export type Route = Framework['routes'][number];
export type RouteClause = Route['when'][number];
export type SourceRef = Indicator['ref'];

/** Parses and validates one framework file's content; the error names the first bad path. */
export function parseFramework(raw: unknown, origin = 'framework'): Framework {
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${origin} is not a valid safeguarding framework: ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.data;
}

export type IndicatorEntry = { indicator: Indicator; abuseType: AbuseType };

/** Frameworks loaded side by side, looked up by id and version. */
export type FrameworkRegistry = {
  list(): Framework[];
  /** A framework by id and version; without a version, the latest (highest by string order) of that id. */
  get(id: string, version?: string): Framework;
  has(id: string, version?: string): boolean;
};

export function makeFrameworkRegistry(frameworks: readonly Framework[]): FrameworkRegistry {
  const key = (id: string, version: string) => `${id}@${version}`;
  const byKey = new Map<string, Framework>();
  for (const f of frameworks) {
    if (byKey.has(key(f.id, f.version))) throw new Error(`Framework ${f.id} version ${f.version} is loaded twice`);
    byKey.set(key(f.id, f.version), f);
  }
  const find = (id: string, version?: string) => {
    if (version) return byKey.get(key(id, version));
    return [...byKey.values()].filter((f) => f.id === id).sort((a, b) => b.version.localeCompare(a.version))[0];
  };
  return {
    list: () => [...byKey.values()],
    has: (id, version) => find(id, version) !== undefined,
    get(id, version) {
      const f = find(id, version);
      if (!f) throw notFound(`Safeguarding framework ${id}${version ? ` version ${version}` : ''}`);
      return f;
    },
  };
}

/** Every indicator of a framework by id, with its abuse type. */
export function indicatorIndex(f: Framework): Map<string, IndicatorEntry> {
  const m = new Map<string, IndicatorEntry>();
  for (const abuseType of f.abuseTypes) for (const indicator of abuseType.indicators) m.set(indicator.id, { indicator, abuseType });
  return m;
}

/** Resolves chosen indicator ids, refusing unknown ones with the field named. */
export function resolveIndicators(f: Framework, ids: readonly string[], field = 'indicatorIds'): IndicatorEntry[] {
  const index = indicatorIndex(f);
  return ids.map((id, i) => {
    const entry = index.get(id);
    if (!entry) throw invalid(`${field}.${i}`, `${id} is not an indicator of ${f.title} (${f.version})`);
    return entry;
  });
}

const COLUMN_WORDS: Record<SourceRef['sourceColumn'], string> = {
  type: 'abuse type cell', lower_level: 'lower-level concern column', consider_s42: 'section 42 enquiry column',
};
/** "Physical, lower-level concern column, item 2 (source line 38)" */
export const describeRef = (ref: SourceRef): string => `${ref.section}, ${COLUMN_WORDS[ref.sourceColumn]}, item ${ref.item} (source line ${ref.line})`;
