/** The shapes the schedule API returns (src/http/routes/check-ins.ts). */
export type ContactView = {
  id: string | null;
  personId: string;
  personName: string;
  contactKey: string;
  kind: string;
  label: string;
  dueAt: string;
  windowClosesAt: string;
  carriesMedication: boolean;
  status: string;
  suspendedReason: string | null;
  incidentId: string | null;
};

/** State in words (never colour alone). */
export const STATUS_LABELS: Record<string, string> = {
  due: 'Due', responded: 'Responded', missed: 'Missed', suspended: 'Suspended', cancelled: 'Cancelled', planned: 'Planned',
};
