import { useState, type FormEvent } from 'react';
import { api, formatDateTime } from '../api.ts';
import { ErrorSummary, errorFor, Notice, TextField, useSubmit } from '../forms.tsx';
import { Link } from '../link.tsx';
import { canDo, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

type Token = { id: string; name: string; createdAt: string; revokedAt: string | null };

/**
 * Integration tokens (telecare platforms and other systems that send check-ins). The secret
 * is shown once, right after it is issued; Wellcheck keeps only its hash.
 */
export function ApiTokensPage() {
  const { me } = useSession();
  const tokens = useLoad(() => api<Token[]>('GET', '/api/api-tokens'));
  const manage = canDo(me, 'admin.manage');
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState('');
  const revoke = useSubmit();

  return (
    <>
      <p><Link className="nhsuk-link" href="/administration">Administration</Link></p>
      <h1>Integration tokens</h1>
      <p>A token lets another system, such as a telecare platform, send check-ins to Wellcheck. It can do nothing else.</p>
      {issued && (
        <div className="nhsuk-inset-text wc-notice" role="status">
          <h2 className="nhsuk-heading-s">Token for {issued.name}</h2>
          <p>Copy it now and store it safely: it will not be shown again.</p>
          <p><code className="wc-secret" tabIndex={0} aria-label={`Token secret for ${issued.name}`}>{issued.secret}</code></p>
        </div>
      )}
      {notice && <Notice>{notice}</Notice>}
      {revoke.error && <p className="nhsuk-error-message" role="alert">{revoke.error.message}</p>}
      {tokens.data && tokens.data.length === 0 && <p>No tokens yet.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Integration tokens</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Name</th>
              <th scope="col" className="nhsuk-table__header">Issued</th>
              <th scope="col" className="nhsuk-table__header">Status</th>
              {manage && <th scope="col" className="nhsuk-table__header">Change</th>}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {tokens.data.map((t) => (
              <tr className="nhsuk-table__row" key={t.id}>
                <td className="nhsuk-table__cell">{t.name}</td>
                <td className="nhsuk-table__cell">{formatDateTime(t.createdAt)}</td>
                <td className="nhsuk-table__cell">
                  {t.revokedAt ? `Revoked ${formatDateTime(t.revokedAt)}` : 'In use'}
                </td>
                {manage && (
                  <td className="nhsuk-table__cell">
                    {!t.revokedAt && (
                      <button
                        className="wc-link-button" type="button" disabled={revoke.busy}
                        onClick={() => void revoke.run(async () => {
                          await api('DELETE', `/api/api-tokens/${t.id}`);
                          setIssued(null);
                          setNotice(`${t.name} was revoked; it no longer works.`);
                          tokens.reload();
                        })}
                      >
                        Revoke<span className="nhsuk-u-visually-hidden"> {t.name}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage && (
        <IssueTokenForm
          onIssued={(t) => {
            setNotice('');
            setIssued(t);
            tokens.reload();
          }}
        />
      )}
    </>
  );
}

function IssueTokenForm({ onIssued }: { onIssued: (t: { name: string; secret: string }) => void }) {
  const [name, setName] = useState('');
  const { busy, error, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const t = await api<{ id: string; name: string; secret: string }>('POST', '/api/api-tokens', { name });
      setName('');
      onIssued(t);
    });
  }
  return (
    <form onSubmit={submit} noValidate className="wc-section">
      <h2>Issue a token</h2>
      <ErrorSummary error={error} fieldIds={{ name: 'token-name' }} />
      <TextField id="token-name" label="What is it for?" hint="For example, the telecare platform's name." value={name} onChange={setName} error={errorFor(error, 'name')} autoComplete="off" />
      <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Issuing…' : 'Issue token'}</button>
    </form>
  );
}
