import { z } from 'zod';

/**
 * Stage 1 of the no-response policy §20.1: proportionate external checks, observational only
 * (no forced entry). Each item is answered seen / not seen / could not tell.
 */
export const OBSERVATION_ITEMS = [
  { key: 'noise', label: 'Noise inside' },
  { key: 'lights', label: 'Lights on' },
  { key: 'tv_or_radio', label: 'TV or radio on' },
  { key: 'water_running', label: 'Water running' },
  { key: 'post_or_milk', label: 'Post or milk piling up' },
  { key: 'odours', label: 'Unusual smell' },
  { key: 'curtains_closed', label: 'Curtains closed' },
  { key: 'forced_entry', label: 'Signs of forced entry' },
  { key: 'person_visible_not_moving', label: 'Person seen, not moving' },
] as const;
export type ObservationKey = (typeof OBSERVATION_ITEMS)[number]['key'];
export const OBSERVATION_KEYS = OBSERVATION_ITEMS.map((o) => o.key) as [ObservationKey, ...ObservationKey[]];

export const OBSERVATION_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type ObservationAnswer = (typeof OBSERVATION_ANSWERS)[number];
export type Observations = Partial<Record<ObservationKey, ObservationAnswer>>;

export const observationsSchema = z
  .partialRecord(z.enum(OBSERVATION_KEYS), z.enum(OBSERVATION_ANSWERS))
  .refine((o) => Object.keys(o).length > 0, 'Record at least one check');

/** Items that, when seen, mean the person may be at risk of serious harm. */
const EMERGENCY_SIGNS: readonly ObservationKey[] = ['person_visible_not_moving'];
/** Items that raise concern and are shown first to whoever takes the escalation. */
const CONCERN_SIGNS: readonly ObservationKey[] = ['odours', 'forced_entry', 'post_or_milk', 'water_running'];

export type ObservationAssessment = {
  /** §20.4: seeing the person not moving is an emergency — call 999 now. */
  isEmergency: boolean;
  concerns: ObservationKey[];
  /** Signs that someone may be at home (noise, lights, TV/radio). */
  signsOfPresence: ObservationKey[];
};

/** Reads a checklist: what demands an emergency, what raises concern, what suggests presence. */
export function assessObservations(o: Observations): ObservationAssessment {
  const seen = (k: ObservationKey) => o[k] === 'yes';
  return {
    isEmergency: EMERGENCY_SIGNS.some(seen),
    concerns: CONCERN_SIGNS.filter(seen),
    signsOfPresence: (['noise', 'lights', 'tv_or_radio'] as const).filter(seen),
  };
}
