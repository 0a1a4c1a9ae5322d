import { describe, expect, it } from 'vitest';
import { validateUpload } from '@/lib/autopilot';
import { ansi } from '@/test-data/generate';
import { csvCell } from './csv-cell';
import { problemReport } from './problem-report';

describe('the problem report', () => {
  it('defuses values Excel would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('5CG1457YL8')).toBe('"5CG1457YL8"');
    expect(csvCell(12)).toBe('"12"');
  });

  it('lists every problem with its place and how to fix it, and each refused device', () => {
    const v = validateUpload([{ name: '=cmd.csv', bytes: ansi('Device Serial Number,Windows Product ID,Hardware Hash\r\n=1+1,,\r\n') }]);
    const report = problemReport(
      v.problems,
      [{ file: 'a.csv', line: 2, serialNumber: '5CG1', errorName: 'ZtdDeviceAssignedToOtherTenant', errorCode: 808, message: 'Registered to another tenant' }],
      'en',
    );
    const lines = report.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFF"File","Line","Column","Code","Severity","Message","How to fix"');
    expect(lines[1]).toMatch(/^"'=cmd.csv","2","","IDENTIFIERS_INCOMPLETE_TUPLE","error",/);
    expect(lines.at(-1)).toBe('"a.csv","2","","ZtdDeviceAssignedToOtherTenant","error","Registered to another tenant",""');
    expect(problemReport(v.problems, [], 'fr')).toContain('"Fichier","Ligne"');
  });
});
