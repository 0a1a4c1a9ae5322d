/**
 * The Autopilot domain: group tags, device lists and their rules. Pure
 * functions, no I/O: the portal, the server actions, the REST API and the CLI
 * all call these.
 */
export * from './lang';
export * from './group-tags';
export { checkGroupTag, type GroupTagCheck } from './group-tag-check';
export { decodeFile, convertToAnsi, encodeAnsi, type EncodingId, type DecodedFile } from './encoding';
export { checkHardwareHash, HASH_MIN_BYTES, type HashVerdict } from './hardware-hash';
export {
  ALLOWED_COMBINATIONS,
  checkCombination,
  checkProductId,
  firstForbiddenCharacter,
  showInvisible,
  type DeviceIdentifiers,
} from './identifiers';
export { deviceIdentity, hashIdentity, identityText, type DeviceIdentity } from './identity';
export { COLUMN_NAMES, FORMAT_COLUMNS, headerLine, type ListFormat } from './header';
export {
  DEVICE_FIELDS,
  PROBLEM_CODES,
  severityOf,
  type DeviceField,
  type Problem,
  type ProblemCode,
  type ParamsByCode,
  type Severity,
} from './problems';
export { parseDeviceList, type FileReport, type ListedDevice, type Separator } from './device-list';
export {
  API_MAX_DEVICES,
  DEFAULT_LIMITS,
  deviceCountProblem,
  distinctNames,
  REQUEST_SOURCE,
  validateDevices,
  validateUpload,
  type UploadFile,
  type UploadLimits,
  type ValidateOptions,
  type Verdict,
} from './validate';
export { fixUpload, describeChange, type FixChange, type FixResult } from './fix';
export { CATALOGUES, describeProblem, type ProblemText } from './messages';
