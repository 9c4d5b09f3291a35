/**
 * Text of an uncompressed PDF written by pdfkit with its standard fonts: every TJ array's hex
 * strings decoded from WinAnsi and concatenated, one shown line per output line. Enough to check
 * that key sentences are in the document; not a general PDF parser.
 */
const WIN_ANSI: Record<number, string> = { 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x85: '…' };

export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  if (/\/Filter\s*\/FlateDecode/.test(src) && !/\bTJ\b/.test(src)) throw new Error('PDF content is compressed: render it with compress: false');
  const lines: string[] = [];
  for (const m of src.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    let line = '';
    for (const hex of m[1].matchAll(/<([0-9a-fA-F]*)>/g)) {
      for (let i = 0; i < hex[1].length; i += 2) {
        const code = parseInt(hex[1].slice(i, i + 2), 16);
        line += WIN_ANSI[code] ?? String.fromCharCode(code);
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The text with runs of whitespace (including wrapped lines) collapsed to one space. */
export const flatText = (pdf: Buffer): string => pdfText(pdf).replace(/\s+/g, ' ');
