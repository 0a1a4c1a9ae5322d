/**
 * The verdict on an upload: one or more device lists and the group tag the
 * partner chose. Decides which devices would be registered, and everything
 * that is wrong, file by file and line by line.
 */
import { checkDevice, parseDeviceList, type FileReport, type ListedDevice, type ParsedRow } from './device-list';
import type { DeviceIdentifiers } from './identifiers';
import { deviceIdentity, identityText } from './identity';
import { checkGroupTag, type GroupTagCheck } from './group-tag-check';
import { problem, type Problem } from './problems';

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

export interface UploadLimits {
  /** Devices in one upload (Microsoft's limit per device list is 500). */
  maxDevices: number;
  /** Bytes in one upload, checked before anything is read. */
  maxBytes: number;
}

/**
 * 500 devices per list, as Microsoft documents. 8 MiB holds 500 devices with
 * 4,000-character hashes even in UTF-16 (about 4.1 MB), with room to spare.
 */
export const DEFAULT_LIMITS: UploadLimits = { maxDevices: 500, maxBytes: 8 * 1024 * 1024 };

/** Devices in one API request: 10,000 with 4,000-character hashes fit the API's body cap. */
export const API_MAX_DEVICES = 10_000;

/** Too many devices for one upload or request, or null. */
export function deviceCountProblem(count: number, limit: number): Problem | null {
  return count > limit ? problem('TOO_MANY_DEVICES', { count, limit }) : null;
}

export interface ValidateOptions {
  /** The group tag the partner chose; `null` or absent when not chosen yet. */
  groupTag?: string | null;
  limits?: Partial<UploadLimits>;
}

export interface Verdict {
  /** True when the upload would be registered as it is: no error anywhere. */
  accepted: boolean;
  /** True when there are errors and `fixUpload` can mend every one of them without loss. */
  fixable: boolean;
  groupTag: GroupTagCheck;
  /**
   * The devices the upload holds, in upload order, each once: those whose
   * rows have no error a fix cannot mend. When `accepted`, exactly the
   * devices that would be registered.
   */
  devices: ListedDevice[];
  files: FileReport[];
  /** Every problem: the upload's own first, then file by file, line by line. */
  problems: Problem[];
  errors: number;
  warnings: number;
}

/** Never throws: any bytes give a verdict. */
export function validateUpload(files: readonly UploadFile[], options: ValidateOptions = {}): Verdict {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const groupTag = checkGroupTag(options.groupTag ?? null);
  const uploadProblems: Problem[] = [...groupTag.problems];
  const reports: FileReport[] = [];
  const devices: ListedDevice[] = [];

  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (files.length === 0) {
    uploadProblems.push(problem('UPLOAD_EMPTY', {}));
  } else if (totalBytes > limits.maxBytes) {
    // Too large to read: nothing else is looked at.
    uploadProblems.push(problem('UPLOAD_TOO_LARGE', { bytes: totalBytes, limit: limits.maxBytes }));
    for (const f of files) reports.push(unreadReport(f));
  } else {
    const rows: ParsedRow[] = [];
    const names = distinctNames(files.map((f) => f.name));
    for (const [i, f] of files.entries()) {
      const parsed = parseDeviceList(names[i]!, f.bytes, { requireHash: groupTag.requiresHash ? groupTag.tag : null });
      reports.push(parsed.report);
      for (const row of parsed.rows) rows.push(row);
    }
    const tooMany = deviceCountProblem(rows.length, limits.maxDevices);
    if (tooMany) uploadProblems.push(tooMany);
    findDuplicates(rows, reports);
    for (const row of rows) if (row.usable) devices.push(row.device);
  }

  return finish(groupTag, uploadProblems, reports, devices);
}

function finish(groupTag: GroupTagCheck, uploadProblems: Problem[], reports: FileReport[], devices: ListedDevice[]): Verdict {
  const problems = [...uploadProblems];
  const devicesPerFile = new Map<string, number>();
  for (const d of devices) devicesPerFile.set(d.file, (devicesPerFile.get(d.file) ?? 0) + 1);
  for (const r of reports) {
    r.problems.sort(byPlace);
    r.devices = devicesPerFile.get(r.name) ?? 0;
    for (const p of r.problems) problems.push(p);
  }
  let errors = 0;
  let unfixable = 0;
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    errors++;
    if (!p.fixable) unfixable++;
  }
  return {
    accepted: errors === 0,
    fixable: errors > 0 && unfixable === 0,
    groupTag,
    devices,
    files: reports,
    problems,
    errors,
    warnings: problems.length - errors,
  };
}

/** Where the devices of a request given as data stand: "line" N is the request's Nth device. */
export const REQUEST_SOURCE = 'request';

/**
 * The verdict on devices given as data (the REST API) rather than as a
 * file: the same group tag, device, duplicate and count rules. A problem's
 * `line` is the device's 1-based position in the request.
 */
export function validateDevices(devices: readonly DeviceIdentifiers[], options: ValidateOptions = {}): Verdict {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const groupTag = checkGroupTag(options.groupTag ?? null);
  const uploadProblems: Problem[] = [...groupTag.problems];
  const report: FileReport = {
    name: REQUEST_SOURCE,
    bytes: 0,
    encoding: null,
    format: null,
    separator: null,
    rows: devices.length,
    devices: 0,
    problems: [],
  };
  if (devices.length === 0) uploadProblems.push(problem('UPLOAD_EMPTY', {}));
  const tooMany = deviceCountProblem(devices.length, limits.maxDevices);
  if (tooMany) uploadProblems.push(tooMany);
  const context = { file: REQUEST_SOURCE, requireHash: groupTag.requiresHash ? groupTag.tag : null, problems: report.problems };
  const rows: ParsedRow[] = devices.map((ids, i) => {
    const before = report.problems.length;
    checkDevice(ids, i + 1, null, context);
    const usable = report.problems.slice(before).every((p) => p.severity !== 'error');
    return { device: { file: REQUEST_SOURCE, line: i + 1, ...ids }, usable };
  });
  findDuplicates(rows, [report]);
  return finish(groupTag, uploadProblems, [report], rows.filter((r) => r.usable).map((r) => r.device));
}

function unreadReport(f: UploadFile): FileReport {
  return { name: f.name, bytes: f.bytes.length, encoding: null, format: null, separator: null, rows: 0, devices: 0, problems: [] };
}

/**
 * Technicians collect one file per device, often under the same name: the
 * second `AutopilotHWID.csv` becomes `AutopilotHWID (2).csv`, so that every
 * problem names one file.
 */
export function distinctNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; taken.has(candidate); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate);
    return candidate;
  });
}

/** The file's own problems first, then line by line; within a line, by column, whole-line problems last. */
function byPlace(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? Infinity) - (b.column ?? Infinity) || 0;
}

/**
 * The same device twice, within a file or across files (Microsoft's
 * `ZtdDeviceDuplicated`): the same hash, the same product key, or the same
 * serial number, manufacturer and model, each compared by its identity
 * (identity.ts), so that two spellings of one device are caught here rather
 * than by the database. The later line is reported, naming the first and,
 * when they differ, how each writes it. A line identical to the first can
 * simply be dropped, so that one is fixable.
 *
 * The same serial number with two different hashes is the same device
 * captured twice: a warning, both lines kept.
 */
function findDuplicates(rows: ParsedRow[], reports: FileReport[]): void {
  const reportOf = new Map<string, FileReport>();
  for (const r of reports) reportOf.set(r.name, r);
  const identities = rows.map((row) => deviceIdentity(row.device));
  const byHash = firstWithSame(identities.map((id) => id.hash));
  const byProductKey = new Map<string, number>();
  const byTuple = new Map<string, number>();
  const bySerial = new Map<string, number>();

  rows.forEach((row, i) => {
    const d = row.device;
    const { productKey, tuple } = identities[i]!;
    const samePk = productKey === null ? undefined : byProductKey.get(productKey);
    const sameTuple = tuple === null ? undefined : byTuple.get(tuple);
    if (productKey !== null && samePk === undefined) byProductKey.set(productKey, i);
    if (tuple !== null && sameTuple === undefined) byTuple.set(tuple, i);

    const sameHash = byHash[i]!;
    const [key, first] =
      sameHash !== -1
        ? (['hardwareHash', sameHash] as const)
        : samePk !== undefined
          ? (['productKey', samePk] as const)
          : sameTuple !== undefined
            ? (['tuple', sameTuple] as const)
            : [null, -1];
    if (key === null) {
      noteRecapture(rows, i, bySerial, reportOf);
      return;
    }
    const f = rows[first]!.device;
    const identical =
      f.serialNumber === d.serialNumber &&
      f.productKey === d.productKey &&
      f.hardwareHash === d.hardwareHash &&
      f.manufacturer === d.manufacturer &&
      f.model === d.model;
    reportOf
      .get(d.file)
      ?.problems.push(
        problem(
          'DUPLICATE_DEVICE',
          { key, otherFile: f.file, otherLine: f.line, identical, ...spellings(key, d, f) },
          { file: d.file, line: d.line },
          identical,
        ),
      );
    row.usable = false;
  });
}

/** How two lines write the key they share, when they write it differently. */
function spellings(key: 'hardwareHash' | 'productKey' | 'tuple', here: ListedDevice, there: ListedDevice) {
  const none = { here: null, there: null, hashLengths: null };
  if (key === 'hardwareHash') {
    return here.hardwareHash === there.hardwareHash ? none : { ...none, hashLengths: { here: here.hardwareHash!.length, there: there.hardwareHash!.length } };
  }
  const written = (d: ListedDevice) => (key === 'productKey' ? d.productKey! : `${d.serialNumber} / ${d.manufacturer} / ${d.model}`);
  return written(here) === written(there) ? none : { ...none, here: written(here), there: written(there) };
}

/** The same serial number as an earlier line with another hash: the device was captured twice. */
function noteRecapture(rows: ParsedRow[], i: number, bySerial: Map<string, number>, reportOf: Map<string, FileReport>): void {
  const d = rows[i]!.device;
  if (d.serialNumber === null || d.hardwareHash === null || !rows[i]!.usable) return;
  const serial = identityText(d.serialNumber);
  const first = bySerial.get(serial);
  if (first === undefined) {
    bySerial.set(serial, i);
    return;
  }
  const f = rows[first]!.device;
  reportOf
    .get(d.file)
    ?.problems.push(problem('DEVICE_RECAPTURED', { serialNumber: d.serialNumber, otherFile: f.file, otherLine: f.line }, { file: d.file, line: d.line }));
}

/**
 * For each row, the index of the first earlier row with the same value, or
 * -1. Sorting compares hashes only as far as they differ, where a map would
 * read all of every hash to hash it.
 */
function firstWithSame(values: ReadonlyArray<string | null>): Int32Array {
  const first = new Int32Array(values.length).fill(-1);
  const present: number[] = [];
  values.forEach((v, i) => {
    if (v !== null) present.push(i);
  });
  const valueOf = (i: number) => values[i]!;
  present.sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  for (let k = 1; k < present.length; k++) {
    const previous = present[k - 1]!;
    const current = present[k]!;
    if (valueOf(previous) === valueOf(current)) first[current] = first[previous] === -1 ? previous : first[previous]!;
  }
  return first;
}
