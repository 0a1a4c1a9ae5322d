import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, severityOf } from './problems';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('the README’s table of error codes', () => {
  it('lists every code, with its severity, and no code that does not exist', () => {
    const rows = [...readme.matchAll(/^\| `([A-Z0-9_]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows.map(([code]) => code).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const [code, severity] of rows) expect(severityOf(code as (typeof PROBLEM_CODES)[number])).toBe(severity);
  });
});
