/** Words for the codes the API uses: the screens never show a code or rely on colour alone. */
export const COLUMN_WORDS: Record<string, string> = {
  lower_level: 'Lower-level concern',
  consider_s42: 'Consider a section 42 enquiry',
};
export const OUTCOME_WORDS: Record<string, string> = {
  lower_level: 'Lower-level concern',
  consider_s42: 'Consider a section 42 enquiry',
  insufficient_information: 'Not enough information to apply the thresholds',
};
export const STATUS_WORDS: Record<string, string> = {
  awaiting_decision: 'Awaiting decision',
  referred: 'Referred to the local authority',
  lower_level: 'Handled as lower-level',
  no_further_action: 'No further action',
};
export const DECISION_WORDS: Record<string, string> = {
  refer: 'Refer to the local authority',
  lower_level: 'Handle as lower-level, with actions',
  no_further_action: 'No further action',
};
export const ALLEGED_WORDS: Record<string, string> = {
  staff_member: 'A member of staff',
  position_of_trust: 'Someone in a position of trust',
  family: 'A family member',
  partner: 'A partner or former partner',
  person_supported: 'Another person supported',
  stranger: 'A stranger',
  self: 'The person themselves (self-neglect)',
  not_known: 'Not known',
};
export const TRI_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };
export const CAPACITY_WORDS: Record<string, string> = {
  has: 'Has capacity for this decision', lacks: 'Lacks capacity for this decision', unknown: 'Not known or not assessed',
};
export const RISK_WORDS: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', unknown: 'Not known' };
export const METHOD_WORDS: Record<string, string> = {
  phone: 'Phone', email: 'Email', secure_email: 'Secure email', online_form: 'Online form', letter: 'Letter', in_person: 'In person',
};
export const ENQUIRY_WORDS: Record<string, string> = { yes: 'Yes, an enquiry was opened', no: 'No enquiry', not_known: 'Not known yet' };

/** Which decisions follow each suggestion (anything else is a departure and needs a reason). */
export const FOLLOWS: Record<string, string[]> = {
  consider_s42: ['refer'], lower_level: ['lower_level', 'no_further_action'], insufficient_information: [],
};
