/** Generated people import files (fictional names; NHS numbers with a correct check digit, in the 999 test range). */

const GIVEN = ['Amir', 'Joan', 'Pete', 'Lena', 'Dev', 'Maya', 'Tomasz', 'Grace', 'Kwame', 'Ruth', 'Iqbal', 'Siobhan'];
const FAMILY = ['Haddad', 'Bell', 'Morris', 'Novak', 'Shah', 'Osei', 'Kowalski', 'Evans', 'Mensah', 'Clarke', 'Hussain', 'Byrne'];

/** The n-th valid NHS number starting 999 (numbers whose check digit would be 10 are skipped). */
export function nhsNumberFor(n: number): string {
  for (let candidate = n * 2; ; candidate++) {
    const nine = `999${String(candidate).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${nine}${check === 11 ? 0 : check}`;
  }
}

export const IMPORT_HEADER = 'reference,given_name,family_name,date_of_birth,nhs_number,address,postcode,service,support_types,medication_critical,medication_critical_detail,falls_risk,access_arrangements';

export function importRow(i: number, service: string): string {
  const given = GIVEN[i % GIVEN.length];
  const family = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length];
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  const critical = i % 10 === 0;
  return [
    `P${String(i).padStart(6, '0')}`, given, family, `${day}/${month}/${1940 + (i % 60)}`, nhsNumberFor(i),
    `"${(i % 200) + 1} Mill Lane, Leeds"`, 'LS1 4AP', `"${service}"`, 'scheduled visits;welfare checks',
    critical ? 'yes' : 'no', critical ? 'insulin at the morning visit' : '', ['low', 'medium', 'high'][i % 3], 'Key-safe code held by the on-call manager',
  ].join(',');
}

/** A CSV of `rows` people in the named service; `bad` maps row index → a replacement for that line. */
export function peopleCsv(rows: number, service: string, bad: Record<number, (line: string) => string> = {}): string {
  const lines = [IMPORT_HEADER];
  for (let i = 0; i < rows; i++) lines.push(bad[i] ? bad[i](importRow(i, service)) : importRow(i, service));
  return `${lines.join('\n')}\n`;
}
