/**
 * Mends an upload whose every problem can be mended without loss (encoding,
 * byte order mark, header spelling and order, blank lines, empty columns,
 * repeated lines, several files) into one correct ANSI device list.
 */
import { encodeAnsi, type EncodingId } from './encoding';
import { FORMAT_COLUMNS, headerLine, type ListFormat } from './header';
import type { Lang } from './lang';
import { CATALOGUES } from './messages';
import type { Problem, ProblemCode } from './problems';
import { validateUpload, type UploadFile, type ValidateOptions, type Verdict } from './validate';

export type FixChange =
  | { kind: 'converted'; file: string; from: EncodingId }
  | { kind: 'merged'; files: number; devices: number }
  | { kind: 'header'; file: string; format: ListFormat }
  | { kind: 'dropped'; what: 'blank' | 'duplicate' | 'column' | 'trailing'; count: number }
  | { kind: 'separator'; file: string };

export type FixResult =
  | {
      ok: true;
      /** The mended list: ANSI, CRLF line ends. */
      bytes: Uint8Array;
      format: ListFormat;
      changes: FixChange[];
      /** The verdict on the mended list, which is always accepted. */
      verdict: Verdict;
    }
  | {
      ok: false;
      /** The problems no fix can mend (empty when the mended list would still fail, which is a bug). */
      blocking: Problem[];
      verdict: Verdict;
    };

const HEADER_CODES: ReadonlySet<ProblemCode> = new Set(['HEADER_CASE', 'HEADER_SPACES', 'HEADER_ORDER', 'HEADER_MISSING']);
const COLUMN_CODES: ReadonlySet<ProblemCode> = new Set(['HEADER_EXTRA_COLUMN', 'HEADER_INTUNE_COLUMN']);

/** Refuses, naming the problems that stand in the way, unless every problem is fixable. */
export function fixUpload(files: readonly UploadFile[], options: ValidateOptions = {}): FixResult {
  const verdict = validateUpload(files, options);
  const blocking = verdict.problems.filter((p) => p.severity === 'error' && !p.fixable);
  if (blocking.length > 0 || verdict.devices.length === 0) return { ok: false, blocking, verdict };

  const format: ListFormat = verdict.files.some((f) => f.format === 'partner') ? 'partner' : 'hash';
  const columns = FORMAT_COLUMNS[format];
  const lines = [headerLine(format)];
  for (const device of verdict.devices) lines.push(columns.map((field) => device[field] ?? '').join(','));
  const bytes = encodeAnsi(lines.join('\r\n') + '\r\n');
  const mended = bytes && validateUpload([{ name: 'fixed.csv', bytes }], options);
  if (!bytes || !mended || !mended.accepted) return { ok: false, blocking: [], verdict };

  return { ok: true, bytes, format, changes: describeChanges(verdict, format), verdict: mended };
}

function describeChanges(verdict: Verdict, format: ListFormat): FixChange[] {
  const changes: FixChange[] = [];
  let blank = 0;
  let duplicate = 0;
  let column = 0;
  let trailing = 0;
  for (const file of verdict.files) {
    if (file.encoding && file.encoding !== 'ascii' && file.encoding !== 'windows-1252') {
      changes.push({ kind: 'converted', file: file.name, from: file.encoding });
    }
    if (file.separator && file.separator !== ',') changes.push({ kind: 'separator', file: file.name });
    if (file.problems.some((p) => HEADER_CODES.has(p.code))) changes.push({ kind: 'header', file: file.name, format });
    for (const p of file.problems) {
      if (p.code === 'BLANK_LINE') blank++;
      else if (p.code === 'DUPLICATE_DEVICE') duplicate++;
      else if (COLUMN_CODES.has(p.code)) column++;
      else if (p.code === 'TRAILING_EMPTY_COLUMNS') {
        // On the header, whole columns; on a device line, that line's extra commas.
        if (p.params.onHeader) column += p.params.found - p.params.expected;
        else trailing++;
      }
    }
  }
  if (blank > 0) changes.push({ kind: 'dropped', what: 'blank', count: blank });
  if (duplicate > 0) changes.push({ kind: 'dropped', what: 'duplicate', count: duplicate });
  if (column > 0) changes.push({ kind: 'dropped', what: 'column', count: column });
  if (trailing > 0) changes.push({ kind: 'dropped', what: 'trailing', count: trailing });
  if (verdict.files.length > 1) {
    changes.push({ kind: 'merged', files: verdict.files.length, devices: verdict.devices.length });
  }
  return changes;
}

/** One change in a few words, in the given language. */
export function describeChange(change: FixChange, lang: Lang): string {
  const fixes = CATALOGUES[lang].fixes;
  switch (change.kind) {
    case 'converted':
      return `${change.file}: ${fixes.converted(change.from)}`;
    case 'merged':
      return fixes.merged(change.files, change.devices);
    case 'header':
      return `${change.file}: ${fixes.header(change.format)}`;
    case 'dropped':
      return fixes.dropped(change.what, change.count);
    case 'separator':
      return `${change.file}: ${fixes.separator()}`;
  }
}
