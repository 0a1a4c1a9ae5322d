/**
 * The header line: the two formats the Add devices flow accepts, byte for
 * byte, and what exactly differs when a header is not one of them.
 */
import { problem, type DeviceField, type Problem } from './problems';

export type ListFormat = 'partner' | 'hash';

export const COLUMN_NAMES: Record<DeviceField, string> = {
  serialNumber: 'Device Serial Number',
  productKey: 'Windows Product ID',
  hardwareHash: 'Hardware Hash',
  manufacturer: 'Manufacturer name',
  model: 'Device model',
};

export const FORMAT_COLUMNS: Record<ListFormat, readonly DeviceField[]> = {
  partner: ['serialNumber', 'productKey', 'hardwareHash', 'manufacturer', 'model'],
  hash: ['serialNumber', 'productKey', 'hardwareHash'],
};

export function headerLine(format: ListFormat): string {
  return FORMAT_COLUMNS[format].map((f) => COLUMN_NAMES[f]).join(',');
}

/** Intune's import format adds these; in this flow the group tag comes from the profile picker. */
type IntuneColumn = 'groupTag' | 'assignedUser';
type ColumnRole = DeviceField | IntuneColumn;

const SYNONYMS: Record<ColumnRole, readonly string[]> = {
  serialNumber: ['deviceserialnumber', 'serialnumber', 'serial', 'serialno', 'sn'],
  productKey: ['windowsproductid', 'productid', 'productkey', 'pkid', 'windowsproductkey'],
  hardwareHash: ['hardwarehash', 'hash', 'hwid', 'hardwareid', 'devicehardwaredata', '4khash'],
  manufacturer: ['manufacturername', 'manufacturer', 'oemmanufacturername', 'make'],
  model: ['devicemodel', 'model', 'modelname'],
  groupTag: ['grouptag', 'orderid'],
  assignedUser: ['assigneduser', 'userprincipalname'],
};

const ROLE_BY_KEY = new Map<string, ColumnRole>();
for (const [role, keys] of Object.entries(SYNONYMS) as Array<[ColumnRole, readonly string[]]>) {
  for (const key of keys) ROLE_BY_KEY.set(key, role);
}

function roleOf(name: string): ColumnRole | null {
  return ROLE_BY_KEY.get(name.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? null;
}

function isDeviceField(role: ColumnRole): role is DeviceField {
  return role !== 'groupTag' && role !== 'assignedUser';
}

export interface HeaderCell {
  value: string;
  /** 1-based column of the cell's first character in its line. */
  column: number;
}

export interface HeaderAnalysis {
  format: ListFormat;
  /** Which device field each column of the file holds (`null`: a column this flow does not read). */
  columns: Array<DeviceField | null>;
  /** False when the first line is a device, not a header. */
  hasHeader: boolean;
  problems: Problem[];
  /**
   * Columns this flow does not read (0-based), with the problem that names
   * them: dropping them loses nothing if every row leaves them empty.
   */
  unreadColumns: Array<{ index: number; problem: Problem }>;
}

/**
 * Compares a header with the accepted formats. The columns it recognises are
 * read from the rows whatever their order, so that every other problem in
 * the file is still found.
 */
export function analyseHeader(cells: HeaderCell[], file: string | undefined): HeaderAnalysis {
  const roles = cells.map((cell) => roleOf(cell.value));
  if (roles.every((role) => role === null) && looksLikeDevice(cells)) {
    const format: ListFormat = cells.length >= 5 ? 'partner' : 'hash';
    const fixable = cells.length === FORMAT_COLUMNS[format].length;
    return {
      format,
      columns: cells.map((_, i) => FORMAT_COLUMNS[format][i] ?? null),
      hasHeader: false,
      problems: [problem('HEADER_MISSING', { expected: headerLine(format) }, { file, line: 1, column: 1 }, fixable)],
      unreadColumns: [],
    };
  }

  const format: ListFormat = roles.includes('manufacturer') || roles.includes('model') ? 'partner' : 'hash';
  const expected = headerLine(format);
  const problems: Problem[] = [];
  const columns: Array<DeviceField | null> = [];
  const unreadColumns: Array<{ index: number; problem: Problem }> = [];
  const seen = new Set<ColumnRole>();

  // Trailing cells with no name are Excel's empty columns, reported with the rows' own.
  let last = cells.length;
  while (last > 1 && cells[last - 1]!.value === '' && roles[last - 1] === null) last--;
  const trailing =
    last < cells.length
      ? problem(
          'TRAILING_EMPTY_COLUMNS',
          { found: cells.length, expected: last, onHeader: true },
          { file, line: 1, column: cells[last]!.column - 1 },
        )
      : null;
  if (trailing) problems.push(trailing);

  cells.forEach((cell, i) => {
    const role = roles[i] ?? null;
    const place = { file, line: 1, column: cell.column };
    if (trailing && i >= last) {
      columns.push(null);
      unreadColumns.push({ index: i, problem: trailing });
      return;
    }
    if (role === null || seen.has(role)) {
      const extra = problem('HEADER_EXTRA_COLUMN', { name: cell.value, expected }, place);
      problems.push(extra);
      columns.push(null);
      unreadColumns.push({ index: i, problem: extra });
      return;
    }
    seen.add(role);
    if (!isDeviceField(role)) {
      const intune = problem('HEADER_INTUNE_COLUMN', { name: cell.value, expected }, place);
      problems.push(intune);
      columns.push(null);
      unreadColumns.push({ index: i, problem: intune });
      return;
    }
    columns.push(role);
    const name = COLUMN_NAMES[role];
    if (cell.value === name) return;
    if (cell.value.trim() === name) {
      problems.push(problem('HEADER_SPACES', { found: cell.value, expected: name }, place, true));
    } else if (cell.value.trim().toLowerCase() === name.toLowerCase()) {
      problems.push(problem('HEADER_CASE', { found: cell.value, expected: name }, place, true));
    } else {
      problems.push(problem('HEADER_COLUMN_NAME', { found: cell.value, expected: name }, place));
    }
  });

  for (const field of FORMAT_COLUMNS[format]) {
    if (!columns.includes(field)) {
      problems.push(problem('HEADER_MISSING_COLUMN', { name: COLUMN_NAMES[field], expected }, { file, line: 1 }));
    }
  }

  const order = columns.filter((c): c is DeviceField => c !== null);
  const expectedOrder = FORMAT_COLUMNS[format].filter((f) => order.includes(f));
  if (order.some((field, i) => field !== expectedOrder[i])) {
    const found = cells.map((c) => c.value).join(',');
    problems.push(problem('HEADER_ORDER', { found, expected }, { file, line: 1 }, true));
  }

  return { format, columns, hasHeader: true, problems, unreadColumns };
}

/** A first line whose cells hold a long base64 value or a 13-digit number is a device. */
function looksLikeDevice(cells: HeaderCell[]): boolean {
  return cells.some((cell) => /^[A-Za-z0-9+/=]{64,}$/.test(cell.value) || /^[0-9]{13}$/.test(cell.value));
}
