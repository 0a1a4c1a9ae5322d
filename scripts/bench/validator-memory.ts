/**
 * Run in a child process of its own (see validator.ts): reads one device
 * list, validates it once, and prints how far the process's resident memory
 * rose above where it stood before, against the file's size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { validateUpload } from '@/lib/autopilot';
import { ansi, fakeDeviceList } from '@/test-data/generate';

const [path, tag] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!path || !gc) throw new Error('usage: node --expose-gc --import tsx validator-memory.ts FILE [GROUP_TAG]');

const options = { groupTag: tag ?? null, limits: { maxDevices: Infinity, maxBytes: Infinity } };
// Compile the validator's code paths first, on a small list, so that code is not counted.
for (let i = 0; i < 20; i++) validateUpload([{ name: 'warm.csv', bytes: ansi(fakeDeviceList({ devices: 20, seed: i })) }], options);

const bytes = new Uint8Array(readFileSync(path));
gc();
gc();
// Linux keeps the peak resident size (VmHWM); writing 5 to clear_refs resets it to the current size.
writeFileSync('/proc/self/clear_refs', '5');
const before = process.memoryUsage.rss();
const verdict = validateUpload([{ name: 'list.csv', bytes }], options);
const peak = peakResidentBytes();
process.stdout.write(
  JSON.stringify({ inputBytes: bytes.length, peakBytes: Math.max(0, peak - before), devices: verdict.devices.length, accepted: verdict.accepted }),
);

function peakResidentBytes(): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!match) throw new Error('no VmHWM in /proc/self/status');
  return Number(match[1]) * 1024;
}
