/** Words for the codes the people API uses. */
export const RISK_LABELS: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', unknown: 'Not assessed' };
export const SUPPORT_TYPE_LABELS: Record<string, string> = {
  scheduled_visits: 'Scheduled visits', welfare_checks: 'Welfare checks', sleep_in: 'Sleep-in', waking_night: 'Waking night', outreach: 'Outreach', on_call: 'On-call',
};
export const COMMUNICATION_LABELS: Record<string, string> = { sensory: 'Sensory', neurodivergence: 'Neurodivergence', language: 'Language', other: 'Other' };
export const CONTACT_KIND_LABELS: Record<string, string> = {
  family: 'Family', advocate: 'Advocate', neighbour: 'Neighbour', key_holder: 'Key holder',
  attorney_health_welfare: 'Attorney (LPA health and welfare)', attorney_property_affairs: 'Attorney (LPA property and financial affairs)',
  deputy: 'Court of Protection deputy', other: 'Other',
};
export const DEVICE_KIND_LABELS: Record<string, string> = {
  pendant_alarm: 'Pendant alarm', inactivity_sensor: 'Inactivity sensor', door_sensor: 'Door sensor', checkin_device: 'Check-in device', phone_app: 'Phone app', other: 'Other',
};
export const ABSENCE_KIND_LABELS: Record<string, string> = {
  hospital_admission: 'Hospital admission', holiday: 'Holiday', respite: 'Respite', staying_with_family: 'Staying with family', other: 'Other',
};
export const REVIEW_REASON_LABELS: Record<string, string> = {
  date_passed: 'review date passed', significant_incident: 'significant incident', change_in_needs: 'change in needs',
  safeguarding_concern: 'safeguarding concern', pattern_of_non_response: 'pattern of non-response',
};
export const EVENT_LABELS: Record<string, string> = {
  'person.created': 'Record created', 'person.updated': 'Details changed', 'person.contact_added': 'Contact added',
  'person.contact_updated': 'Contact changed', 'person.contact_consent_changed': 'Consent changed', 'person.contact_removed': 'Contact removed',
  'person.device_added': 'Device added', 'person.device_updated': 'Device changed', 'person.device_removed': 'Device removed',
  'person.absence_recorded': 'Absence recorded', 'person.absence_updated': 'Absence changed', 'person.absence_ended': 'Absence ended',
  'protocol.version_created': 'New protocol version', 'protocol.review_flagged': 'Review flagged', 'protocol.review_cleared': 'Review done',
};
export const STAGE_OPTIONS = [
  { value: '1', label: 'Stage 1 – environmental and welfare checks' },
  { value: '2', label: 'Stage 2 – direct contact attempts' },
  { value: '3', label: 'Stage 3 – internal escalation' },
  { value: '4', label: 'Stage 4 – wider contact and agency checks' },
  { value: '5', label: 'Stage 5 – external escalation' },
];
export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
/** yyyy-mm-dd → dd/mm/yyyy */
export const ukDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
