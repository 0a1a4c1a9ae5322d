/**
 * A value made safe for a CSV file that someone will open in Excel: text that
 * Excel would run as a formula (starting with =, +, -, @, tab or carriage
 * return) is prefixed with an apostrophe, and every value is quoted.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: Array<string | number | null | undefined>): string {
  return values.map(csvCell).join(',');
}
