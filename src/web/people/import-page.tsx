import { useState, type FormEvent } from 'react';
import { useSession } from '../session.tsx';
import { Notice } from '../forms.tsx';
import { Link } from '../link.tsx';
import { Checkbox } from './fields.tsx';
import './people.css';

type Problem = { line: number; field: string; message: string };
type Result = { rows: number; created: number; updated: number; unchanged: number; skippedLines: number[] };

/**
 * Import people from a spreadsheet saved as CSV: the same checks as `wellcheck import people`.
 * Every bad row is listed with its line and column; nothing is imported unless all rows are good
 * or "skip bad rows" is ticked.
 */
export function ImportPeoplePage() {
  const { me } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [skipBad, setSkipBad] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<Result | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblems([]);
    setResult(null);
    setMessage('');
    if (!file) {
      setMessage('Choose a CSV file');
      return;
    }
    setBusy(true);
    try {
      // fetch rather than api(): a refused import's 400 body carries the list of problems.
      const res = await fetch('/api/people/import', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ fileName: file.name, csv: await file.text(), skipBad }),
      });
      const body = await res.json();
      if (res.ok) setResult(body);
      else {
        setMessage(body.error?.message ?? `Import refused (${res.status})`);
        setProblems(body.problems ?? []);
      }
    } catch {
      setMessage('Could not reach Wellcheck. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p><Link className="nhsuk-link" href="/people">People supported</Link></p>
      <h1>Import people from a spreadsheet</h1>
      <p>Save the spreadsheet as CSV with a header line. Columns: reference, given_name, family_name, preferred_name, date_of_birth (dd/mm/yyyy), nhs_number, address, postcode, service, support_types, medication_critical (yes/no), medication_critical_detail, falls_risk, self_neglect_risk, cultural_routines, gp, housing_provider, access_arrangements.</p>
      <p>Importing the same file again changes nothing: people are matched by reference, or NHS number.</p>
      {result && (
        <Notice>
          Imported {result.rows} rows: {result.created} added, {result.updated} updated, {result.unchanged} unchanged
          {result.skippedLines.length > 0 && `; bad rows skipped (lines ${result.skippedLines.join(', ')})`}.
        </Notice>
      )}
      {message && <div className="nhsuk-error-summary" role="alert"><h2 className="nhsuk-error-summary__title">There is a problem</h2><p>{message}</p></div>}
      {problems.length > 0 && (
        <table className="nhsuk-table">
          <caption>Rows with problems</caption>
          <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
          <tbody>{problems.map((p, i) => <tr key={i}><td>{p.line}</td><td>{p.field}</td><td>{p.message}</td></tr>)}</tbody>
        </table>
      )}
      <form onSubmit={submit} noValidate>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="import-file">CSV file</label>
          <input className="nhsuk-file-upload" id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <Checkbox id="import-skip-bad" label="Skip bad rows and import the rest" checked={skipBad} onChange={setSkipBad} />
        <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Checking and importing…' : 'Import'}</button>
      </form>
    </>
  );
}
