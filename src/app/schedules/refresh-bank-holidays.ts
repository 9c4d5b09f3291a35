import { readFile, writeFile } from 'node:fs/promises';
import { dataFileFromFeed } from '../../domain/time/bank-holidays.ts';

const DATA_FILE = new URL('../../domain/time/bank-holidays-england-and-wales.json', import.meta.url).pathname;

/**
 * `wellcheck bank-holidays refresh FILE`: reads a local copy of the official bank holidays
 * feed (JSON with an "england-and-wales" division) and rewrites the shipped data file.
 * Nothing is fetched: the file is downloaded by a person and checked in with the change.
 */
export async function refreshBankHolidays(args: string[], print: (l: string) => void = console.log, target = DATA_FILE): Promise<number> {
  const file = args[0];
  if (!file) {
    print('Usage: wellcheck bank-holidays refresh FILE   (a saved copy of the official bank holidays JSON feed)');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    print(`Could not read ${file} as JSON: ${(err as Error).message}`);
    return 1;
  }
  const data = dataFileFromFeed(json);
  await writeFile(target, `${JSON.stringify(data, null, 2)}\n`);
  const years = [...new Set(data.events.map((e) => e.date.slice(0, 4)))];
  print(`Wrote ${data.events.length} England and Wales bank holidays (${years[0]}–${years[years.length - 1]}) to ${target}`);
  return 0;
}
