import { protocolContent } from '../../domain/protocol/content.ts';
import { PROTOCOL_SECTIONS, sectionLines } from '../../domain/people/protocol-diff.ts';

/** The current protocol, section by section, in the same words as the version comparison. */
export function ProtocolView({ content }: { content: unknown }) {
  const parsed = protocolContent.safeParse(content);
  if (!parsed.success) return <p>This version cannot be shown section by section.</p>;
  return (
    <div>
      {PROTOCOL_SECTIONS.map((s) => {
        const lines = sectionLines(parsed.data, s.key);
        return (
          <section className="wc-protocol-section" key={s.key} aria-label={s.label}>
            <h3 className="nhsuk-heading-s">{s.label}</h3>
            {lines.length === 0 ? <p>None recorded.</p> : <ul className="nhsuk-list nhsuk-list--bullet">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul>}
          </section>
        );
      })}
    </div>
  );
}
