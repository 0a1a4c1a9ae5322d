/**
 * The downloadable report of an upload: every problem and every device the
 * registration refused, one line each, safe to open in Excel.
 */
import { describeProblem, type Lang, type Problem } from '@/lib/autopilot';
import { csvLine } from './csv-cell';

export interface RefusedDevice {
  file: string | null;
  line: number | null;
  serialNumber: string | null;
  errorName: string;
  errorCode: number;
  message: string;
}

const HEADERS: Record<Lang, string[]> = {
  en: ['File', 'Line', 'Column', 'Code', 'Severity', 'Message', 'How to fix'],
  fr: ['Fichier', 'Ligne', 'Colonne', 'Code', 'Gravité', 'Message', 'Correction'],
};

export function problemReport(problems: Problem[], refused: RefusedDevice[], lang: Lang): string {
  const lines = [csvLine(HEADERS[lang])];
  for (const p of problems) {
    const { message, hint } = describeProblem(p, lang);
    lines.push(csvLine([p.file ?? '', p.line ?? '', p.column ?? '', p.code, p.severity, message, hint]));
  }
  for (const d of refused) {
    lines.push(csvLine([d.file ?? '', d.line ?? '', '', d.errorName, 'error', d.message, '']));
  }
  // A BOM so that Excel reads the accents of the French report right.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
