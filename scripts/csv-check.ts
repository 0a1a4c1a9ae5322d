import { readFileSync, writeFileSync } from 'node:fs';
import { runCsvCheck } from '@/lib/cli/csv-check';

process.exitCode = runCsvCheck(process.argv.slice(2), {
  readFile: (path) => new Uint8Array(readFileSync(path)),
  writeFile: (path, bytes) => writeFileSync(path, bytes),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
