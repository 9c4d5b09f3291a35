/** The shapes the safeguarding screens read from the API (see src/http/routes/safeguarding.ts). */
export type Column = 'lower_level' | 'consider_s42';
export type SourceRef = { section: string; sourceColumn: string; line: number; item: number };
export type Indicator = { id: string; column: Column; part?: string; text: string; expects?: string; routes?: string[]; ref: SourceRef };
export type AbuseType = {
  id: string; label: string; sourceHeading: string; caution?: string; appliesTo?: string;
  parts?: { id: string; label: string }[]; indicators: Indicator[];
};
export type Framework = { id: string; version: string; title: string; board: string; isExample: boolean; abuseTypes: AbuseType[] };

export type SuggestedIndicator = { id: string; text: string; column: Column; abuseTypeLabel: string; expects?: string; ref: SourceRef };
export type Suggestion = {
  frameworkId: string; frameworkVersion: string;
  outcome: 'lower_level' | 'consider_s42' | 'insufficient_information';
  ledBy: SuggestedIndicator[]; chosen: SuggestedIndicator[];
  lowerLevelAlternatives: { id: string; label: string; isNamedByIndicator: boolean }[];
  routes: { id: string; label: string; action: string; why: string[] }[];
  missing: { field: string; question: string; why: string }[];
  cautions: string[];
  accumulation?: { message: string; count: number; windowDays: number; related: { concernId: string; raisedAt: string; reasons: string[] }[] };
  notice: string;
};

export type ConcernSummary = {
  id: string; raisedAt: string; raisedBy: { id: string; name: string }; people: { id: string; name: string }[];
  suggestedOutcome: string; status: string; frameworkId: string; frameworkVersion: string; hasAccumulationPrompt: boolean;
  referralReference: string | null; referralOutcome: string | null; openActions: number;
};

export type Concern = {
  id: string; version: number; status: string; raisedAt: string; raisedBy: { id: string; name: string };
  sourceIncidentId: string | null; frameworkId: string; frameworkVersion: string;
  people: { id: string; name: string }[]; indicatorIds: string[]; description: string;
  alleged: { kind: string; staffId?: string | null; detail?: string }[];
  childrenInvolved: string; possibleCrime: string; capacity: string; risk: string;
  personWishes: string; immediateActions: string; suggestion: Suggestion;
  decision: { outcome: string; rationale: string; suggestedOutcome: string; departureReason: string | null; decidedBy: string; decidedAt: string } | null;
  referral: {
    referredOn: string; localAuthority: string; method: string; reference: string | null; enquiryOpened: string;
    outcome: string | null; outcomeOn: string | null; personWanted: string; version: number;
  } | null;
  actions: { id: string; description: string; owner: { id: string; name: string }; dueOn: string; completedAt: string | null; completionNote: string | null }[];
  access: { staffId: string; staffName: string; grantedBy: string; grantedAt: string; reason: string }[];
};
export type StaffOption = { id: string; name: string };
