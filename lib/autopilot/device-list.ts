/**
 * Reads one device list (.csv) from its bytes: its encoding, separator,
 * header and rows, and every problem in it, line by line. One problem never
 * hides another: the file is read as well as it can be.
 */
import { decodeFile, firstNonAscii, type EncodingId } from './encoding';
import { HASH_MIN_BYTES, USUAL_HASH_CHARACTERS, checkHardwareHash } from './hardware-hash';
import { analyseHeader, type HeaderCell, type ListFormat } from './header';
import {
  checkCombination,
  checkProductId,
  firstForbiddenCharacter,
  hasOuterSpaces,
  isScientificNotation,
  type DeviceIdentifiers,
} from './identifiers';
import { problem, type DeviceField, type Problem } from './problems';

export type Separator = ',' | ';' | '\t';

export interface FileReport {
  name: string;
  /** Size of the file in bytes. */
  bytes: number;
  encoding: EncodingId | null;
  format: ListFormat | null;
  separator: Separator | null;
  /** Device lines in the file (the header and blank lines excepted). */
  rows: number;
  /** Device lines with no problem of their own that a fix cannot mend. */
  devices: number;
  problems: Problem[];
}

export interface ListedDevice extends DeviceIdentifiers {
  file: string;
  line: number;
}

export interface ParsedRow {
  device: ListedDevice;
  /** False when the row has a problem of its own that a fix cannot mend. */
  usable: boolean;
}

export interface ParsedFile {
  report: FileReport;
  rows: ParsedRow[];
}

export interface ParseOptions {
  /** Rows must hold a hardware hash (a Microsoft Managed Desktop group tag was chosen). */
  requireHash: string | null;
}

const NO_IDS: DeviceIdentifiers = {
  serialNumber: null,
  productKey: null,
  hardwareHash: null,
  manufacturer: null,
  model: null,
};

/** Never throws: any bytes give a report. */
export function parseDeviceList(name: string, bytes: Uint8Array, options: ParseOptions): ParsedFile {
  const report: FileReport = {
    name,
    bytes: bytes.length,
    encoding: null,
    format: null,
    separator: null,
    rows: 0,
    devices: 0,
    problems: [],
  };
  const rows: ParsedRow[] = [];
  const problems = report.problems;
  const file = name;

  const decoded = decodeFile(bytes);
  if (decoded.kind === 'empty') {
    problems.push(problem('FILE_EMPTY', {}, { file }));
    return { report, rows };
  }
  if (decoded.kind === 'not-text') {
    problems.push(problem('FILE_NOT_TEXT', { kind: decoded.notText }, { file }));
    return { report, rows };
  }
  report.encoding = decoded.encoding;
  const { text } = decoded;
  if (!decoded.isAnsi) {
    const first = decoded.isAsciiOnly ? null : firstNonAscii(text);
    problems.push(
      problem(
        'ENCODING_NOT_ANSI',
        { encoding: decoded.encoding, asciiOnly: decoded.isAsciiOnly, character: first?.character ?? null },
        first ? { file, line: first.line, column: first.column } : { file },
        decoded.isAsciiOnly,
      ),
    );
  }

  const lines = new LineReader(text);
  let header: string | null = null;
  let headerLineNo = 0;
  for (let line = lines.next(); line !== null; line = lines.next()) {
    if (line.trim() === '') {
      problems.push(problem('BLANK_LINE', { separatorsOnly: false }, { file, line: lines.lineNo }, true));
      continue;
    }
    header = line;
    headerLineNo = lines.lineNo;
    break;
  }
  if (header === null) {
    // Only blank lines: the file is empty, whatever its encoding.
    problems.splice(0, problems.length, ...problems.filter((p) => p.code !== 'BLANK_LINE'));
    problems.push(problem('FILE_EMPTY', {}, { file }));
    return { report, rows };
  }

  const separator = detectSeparator(header);
  report.separator = separator;
  if (separator !== ',') {
    problems.push(
      problem(
        'SEPARATOR_NOT_COMMA',
        { separator: separator === ';' ? 'semicolon' : 'tab' },
        { file, line: headerLineNo },
        text.indexOf(',') === -1 && text.indexOf('"') === -1,
      ),
    );
  }

  const headerCells = splitLine(header, separator, file, headerLineNo, problems);
  const analysis = analyseHeader(headerCells, file);
  for (const p of analysis.problems) {
    p.line = headerLineNo;
    problems.push(p);
  }
  report.format = analysis.format;
  const { columns } = analysis;
  const width = columns.length;
  const unreadFilled = new Set<number>();
  const rowOptions = { file, requireHash: options.requireHash, problems };

  const readRow = (cells: HeaderCell[] | string[], lineNo: number, lineText: string) => {
    report.rows++;
    const before = problems.length;
    if (cells.length !== width) checkFieldCount(cells, width, lineText, lineNo, rowOptions);
    const ids: DeviceIdentifiers = { ...NO_IDS };
    const at: Partial<Record<DeviceField, number>> = {};
    for (let i = 0; i < width && i < cells.length; i++) {
      const cell = cells[i]!;
      const value = typeof cell === 'string' ? cell : cell.value;
      const field = columns[i];
      if (value === '') continue;
      if (field) {
        ids[field] = value;
        at[field] = i;
      } else {
        unreadFilled.add(i);
      }
    }
    checkDevice(ids, lineNo, (field) => columnOf(cells, at[field] ?? 0), rowOptions);
    let usable = true;
    for (let i = before; i < problems.length; i++) {
      const p = problems[i]!;
      if (p.severity === 'error' && !p.fixable) usable = false;
    }
    if (usable) report.devices++;
    rows.push({ device: { file, line: lineNo, ...ids }, usable });
  };

  if (!analysis.hasHeader) readRow(headerCells, headerLineNo, header);
  for (let line = lines.next(); line !== null; line = lines.next()) {
    const lineNo = lines.lineNo;
    if (isBlank(line, separator)) {
      problems.push(problem('BLANK_LINE', { separatorsOnly: line.trim() !== '' }, { file, line: lineNo }, true));
      continue;
    }
    const cells = line.indexOf('"') === -1 ? line.split(separator) : splitLine(line, separator, file, lineNo, problems);
    readRow(cells, lineNo, line);
  }

  for (const { index, problem: p } of analysis.unreadColumns) {
    p.fixable = !unreadFilled.has(index);
  }
  if (report.rows === 0) problems.push(problem('NO_DEVICES', {}, { file, line: headerLineNo }));
  return { report, rows };
}

export interface RowContext {
  file: string;
  requireHash: string | null;
  problems: Problem[];
}

function checkFieldCount(
  cells: HeaderCell[] | string[],
  width: number,
  lineText: string,
  line: number,
  { file, problems }: RowContext,
): void {
  const found = cells.length;
  const place = { file, line, column: found > width ? columnOf(cells, width) - 1 : lineText.length + 1 };
  const extraAreEmpty =
    found > width && cells.slice(width).every((cell) => (typeof cell === 'string' ? cell : cell.value) === '');
  if (extraAreEmpty) {
    problems.push(problem('TRAILING_EMPTY_COLUMNS', { found, expected: width, onHeader: false }, place, true));
  }
  else problems.push(problem('FIELD_COUNT', { found, expected: width }, place));
}

/**
 * The checks of one device, each problem placed at its field: in a list, at
 * the field's column; given as data (the REST API), at the position within
 * the value.
 */
export function checkDevice(
  ids: DeviceIdentifiers,
  line: number,
  columnOfField: ((field: DeviceField) => number) | null,
  { file, requireHash, problems }: RowContext,
): void {
  const at = (field: DeviceField, offset = 0) => ({ file, line, column: (columnOfField ? columnOfField(field) : 1) + offset });

  for (const field of ['serialNumber', 'manufacturer', 'model'] as const) {
    const value = ids[field];
    if (value === null) continue;
    const control = firstForbiddenCharacter(value);
    if (control) {
      problems.push(problem('VALUE_CONTROL_CHARACTER', { field, codePoint: control.codePoint }, at(field, control.index)));
    } else if (hasOuterSpaces(value)) {
      problems.push(problem('VALUE_SPACES', { field, value }, at(field)));
    }
  }

  if (ids.serialNumber !== null && isScientificNotation(ids.serialNumber)) {
    problems.push(problem('SERIAL_SCIENTIFIC', { value: ids.serialNumber }, at('serialNumber')));
  }

  if (ids.productKey !== null) {
    const verdict = checkProductId(ids.productKey);
    if (!verdict.ok) {
      problems.push(
        problem('PRODUCT_ID_INVALID', { value: ids.productKey, looksLike: verdict.looksLike }, at('productKey')),
      );
    }
  }

  if (ids.hardwareHash !== null) {
    const verdict = checkHardwareHash(ids.hardwareHash);
    if (verdict.ok) {
      // Complete data, with more or less of its zero padding: accepted, and said.
      if (ids.hardwareHash.length !== USUAL_HASH_CHARACTERS) {
        problems.push(problem('HASH_LENGTH', { characters: ids.hardwareHash.length, usual: USUAL_HASH_CHARACTERS }, at('hardwareHash')));
      }
    } else {
      switch (verdict.reason) {
        case 'not-base64':
          problems.push(
            problem('HASH_NOT_BASE64', { character: verdict.character }, at('hardwareHash', verdict.index)),
          );
          break;
        case 'bad-padding':
          problems.push(problem('HASH_BAD_PADDING', { detail: verdict.detail }, at('hardwareHash', verdict.index)));
          break;
        case 'truncated':
          problems.push(
            problem(
              'HASH_TRUNCATED',
              {
                characters: verdict.characters,
                decodedBytes: verdict.decodedBytes,
                declaredBytes: verdict.declaredBytes,
              },
              at('hardwareHash'),
            ),
          );
          break;
        case 'too-short':
          problems.push(
            problem(
              'HASH_TOO_SHORT',
              { decodedBytes: verdict.decodedBytes, minimumBytes: HASH_MIN_BYTES },
              at('hardwareHash'),
            ),
          );
          break;
        case 'unrecognised':
          problems.push(problem('HASH_UNRECOGNISED', {}, at('hardwareHash')));
          break;
      }
    }
  } else if (requireHash !== null) {
    problems.push(problem('HASH_REQUIRED', { groupTag: requireHash }, { file, line }));
    return;
  }

  const combination = checkCombination(ids);
  if (combination.ok) return;
  const place = { file, line };
  switch (combination.fault) {
    case 'none':
      problems.push(problem('IDENTIFIERS_MISSING', {}, place));
      break;
    case 'hash-and-tuple':
      problems.push(problem('IDENTIFIERS_HASH_AND_TUPLE', { fields: combination.fields }, at(combination.fields[0]!)));
      break;
    case 'incomplete-tuple':
      problems.push(problem('IDENTIFIERS_INCOMPLETE_TUPLE', { missing: combination.missing }, place));
      break;
    case 'other':
      problems.push(problem('IDENTIFIERS_COMBINATION', { present: combination.present }, place));
      break;
  }
}

/** Comma, unless the header has none and holds semicolons (Excel in French) or tabs. */
function detectSeparator(header: string): Separator {
  if (header.indexOf(',') !== -1) return ',';
  if (header.indexOf(';') !== -1) return ';';
  if (header.indexOf('\t') !== -1) return '\t';
  return ',';
}

function isBlank(line: string, separator: Separator): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== separator && c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** 1-based column where cell `index` starts. */
function columnOf(cells: HeaderCell[] | string[], index: number): number {
  const cell = cells[index];
  if (cell !== undefined && typeof cell !== 'string') return cell.column;
  let column = 1;
  for (let i = 0; i < index && i < cells.length; i++) column += (cells[i] as string).length + 1;
  return column;
}

/**
 * Splits a line into cells with their columns. Quotes are not allowed: each
 * line holding one is reported once, at its first quote, and the line is then
 * read as a spreadsheet would read it, so that the rest can still be checked.
 */
function splitLine(
  line: string,
  separator: Separator,
  file: string,
  lineNo: number,
  problems: Problem[],
): HeaderCell[] {
  const firstQuote = line.indexOf('"');
  if (firstQuote === -1) {
    const cells: HeaderCell[] = [];
    let column = 1;
    for (const value of line.split(separator)) {
      cells.push({ value, column });
      column += value.length + 1;
    }
    return cells;
  }
  problems.push(problem('QUOTES', {}, { file, line: lineNo, column: firstQuote + 1 }));
  const cells: HeaderCell[] = [];
  let i = 0;
  while (i <= line.length) {
    const start = i;
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) {
          value += line.slice(i);
          i = line.length;
          break;
        }
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const next = line.indexOf(separator, i);
      const end = next === -1 ? line.length : next;
      value += line.slice(i, end);
      i = end;
    } else {
      const next = line.indexOf(separator, i);
      const end = next === -1 ? line.length : next;
      value = line.slice(i, end);
      i = end;
    }
    cells.push({ value, column: start + 1 });
    i++;
  }
  return cells;
}

/** Lines of a text, ending in CRLF, LF or (where there is no LF at all) CR; counts from 1. */
class LineReader {
  private pos = 0;
  private readonly eol: string;
  lineNo = 0;

  constructor(private readonly text: string) {
    this.eol = text.indexOf('\n') === -1 && text.indexOf('\r') !== -1 ? '\r' : '\n';
  }

  next(): string | null {
    const { text } = this;
    if (this.pos >= text.length) return null;
    const end = text.indexOf(this.eol, this.pos);
    const stop = end === -1 ? text.length : end;
    let line = text.slice(this.pos, stop);
    if (this.eol === '\n' && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    this.pos = stop + 1;
    this.lineNo++;
    return line;
  }
}
