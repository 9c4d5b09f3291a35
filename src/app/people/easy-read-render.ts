import PDFDocument from 'pdfkit';
import type { EasyReadDocument } from '../../domain/people/easy-read.ts';

/**
 * The easy-read protocol as a printable page and as a PDF (no-response policy §19). Large type
 * (body 20–22 pt), short lines, plenty of space, high contrast; the PDF is tagged (headings and
 * paragraphs) with its language and title so screen readers can read it.
 */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function easyReadHtml(doc: EasyReadDocument, pdfHref: string): string {
  const sections = doc.sections
    .map((s) => `<section><h2>${escape(s.heading)}</h2>${s.lines.map((l) => `<p>${escape(l)}</p>`).join('')}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.title)} — ${escape(doc.subtitle)}</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; font-size: 1.5rem; line-height: 1.6; color: #0b0c0c; background: #fff; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 2.4rem; line-height: 1.2; margin-bottom: 0.25rem; }
  .subtitle { font-size: 1.5rem; margin-top: 0; }
  h2 { font-size: 1.9rem; margin-top: 2.5rem; border-top: 4px solid #0b0c0c; padding-top: 1rem; }
  p { margin: 0 0 0.9rem; }
  .actions a { font-size: 1.25rem; color: #005eb8; }
  .actions a:focus { outline: 4px solid #ffeb3b; background: #ffeb3b; color: #0b0c0c; }
  @media print { .actions { display: none; } body { margin: 0; font-size: 18pt; } h2 { break-after: avoid; } section { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<h1>${escape(doc.title)}</h1>
<p class="subtitle">${escape(doc.subtitle)}</p>
<p class="actions"><a href="${escape(pdfHref)}">Download this plan as a PDF</a></p>
${sections}
</main>
</body>
</html>`;
}

/** Renders the PDF into a Buffer. `compress: false` keeps the text searchable in tests. */
export function easyReadPdf(doc: EasyReadDocument, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4', margin: 56, compress: opts.compress ?? true, tagged: true, lang: 'en-GB', displayTitle: true, pdfVersion: '1.7',
    info: { Title: `${doc.title} — ${doc.subtitle}`, Subject: 'Easy-read No Response Protocol' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const block = (tag: string, size: number, text: string, gap: number, font = 'Helvetica') => {
    root.add(pdf.struct(tag, {}, () => {
      pdf.font(font).fontSize(size).fillColor('#0b0c0c').text(text, { lineGap: 4 });
    }));
    pdf.moveDown(gap);
  };
  block('H1', 30, doc.title, 0.2, 'Helvetica-Bold');
  block('P', 20, doc.subtitle, 0.6);
  for (const s of doc.sections) {
    // Keep a heading with its first lines: start a new page when little room is left.
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 140) pdf.addPage();
    block('H2', 25, s.heading, 0.3, 'Helvetica-Bold');
    for (const line of s.lines) block('P', 20, line, 0.35);
    pdf.moveDown(0.5);
  }
  root.end();
  pdf.end();
  return done;
}
