import { COLUMN_NAMES, headerLine } from '../header';
import type { DeviceField } from '../problems';
import type { Catalogue } from './types';

// Fields are named by their column, as written in the file in every language.
const FIELD = COLUMN_NAMES;

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const fields = (names: DeviceField[]) => list(names.map((f) => `“${FIELD[f]}”`));
const devices = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'device' : 'devices'}`;
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
const REGENERATE = 'Collect the list again with Get-WindowsAutoPilotInfo (with -Partner for the 5-column format).';

export const en: Catalogue = {
  encoding: {
    ascii: 'ANSI (plain ASCII)',
    'windows-1252': 'ANSI (Windows-1252)',
    'utf-8': 'UTF-8 with non-ASCII characters',
    'utf-8-bom': 'UTF-8 with BOM, as Excel’s “CSV UTF-8” and PowerShell 7 write it',
    'utf-16le-bom': 'UTF-16 little-endian with BOM, as Windows PowerShell 5.1 writes it',
    'utf-16le': 'UTF-16 little-endian without BOM',
    'utf-16be-bom': 'UTF-16 big-endian with BOM',
    'utf-16be': 'UTF-16 big-endian without BOM',
  },
  allowedCombinations:
    'hardware hash and product ID; hardware hash and serial number; hardware hash, product ID and serial number; hardware hash alone; product ID alone; serial number, manufacturer and model together',
  problems: {
    UPLOAD_EMPTY: () => ({
      message: 'No device list was given.',
      hint: 'Choose one or more .csv files.',
    }),
    UPLOAD_TOO_LARGE: ({ bytes, limit }) => ({
      message: `The upload is ${size(bytes)}; at most ${size(limit)} is accepted. Nothing in it was read.`,
      hint: 'Split the devices into several uploads of at most 500 devices each.',
    }),
    TOO_MANY_DEVICES: ({ count, limit }) => ({
      message: `The upload lists ${devices(count)}; at most ${devices(limit)} can be added at once.`,
      hint: `Split the list into uploads of at most ${limit.toLocaleString('en-US')} devices.`,
    }),
    GROUP_TAG_EMPTY: () => ({
      message: 'No group tag was chosen.',
      hint: 'Choose the device profile and mode: the group tag follows from them.',
    }),
    GROUP_TAG_NOT_EXACT: ({ found, expected }) => ({
      message: `The group tag “${found}” is not Microsoft’s exact spelling “${expected}”.`,
      hint: `Group tags are case-sensitive: devices tagged “${found}” would not get the Managed Desktop profile. Use “${expected}”.`,
    }),
    GROUP_TAG_NOT_SUPPORTED: ({ found }) => ({
      message: `“${found}”: the Power user profile does not support shared device mode.`,
      hint: 'Choose Power user in standard mode (Microsoft365Managed_PowerUser), or another profile for shared devices.',
    }),
    GROUP_TAG_INVALID: ({ found, character }) => ({
      message:
        character === ' '
          ? `The group tag “${found}” begins or ends with a space.`
          : `The group tag “${found}” holds a character that is invisible or changes how the text around it is shown (U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}).`,
      hint: 'Group tags must match exactly: remove the character.',
    }),
    DUPLICATE_DEVICE: ({ key, otherFile, otherLine, identical, here, there, hashLengths }) => ({
      message: `${identical ? 'The same device is listed twice' : 'This device is already listed'}: same ${
        key === 'hardwareHash' ? 'hardware hash' : key === 'productKey' ? 'Windows Product ID' : 'serial number, manufacturer and model'
      } as ${otherFile}, line ${otherLine} (ZtdDeviceDuplicated)${
        hashLengths
          ? `, written with ${hashLengths.there.toLocaleString('en-US')} characters there and ${hashLengths.here.toLocaleString('en-US')} here: the same data, with and without its zero padding`
          : here !== null && there !== null
            ? `, written “${there}” there and “${here}” here`
            : ''
      }.`,
      hint: identical
        ? 'Remove one of the two lines; they are identical, so nothing is lost.'
        : hashLengths || (here !== null && there !== null)
          ? 'Case, spaces, look-alike hyphens, invisible characters and a hash’s padding do not make another device: keep one of the two lines.'
          : 'The two lines disagree about the device: keep the right one and remove the other.',
    }),
    DEVICE_RECAPTURED: ({ serialNumber, otherFile, otherLine }) => ({
      message: `Serial number “${serialNumber}” is also on ${otherFile}, line ${otherLine}, with a different hardware hash: the device seems to have been captured twice.`,
      hint: 'Both lines would be registered, as two devices. Keep the line of the latest capture and remove the other, unless they really are two devices.',
    }),
    FILE_EMPTY: () => ({
      message: 'The file is empty.',
      hint: `A device list starts with the header line “${headerLine('partner')}” (or its first three columns), then one line per device.`,
    }),
    FILE_NOT_TEXT: ({ kind }) => ({
      message:
        kind === 'xlsx'
          ? 'This is an Excel workbook (.xlsx), not a .csv file.'
          : kind === 'xls'
            ? 'This is an Excel 97–2003 workbook (.xls), not a .csv file.'
            : 'This is not a text file.',
      hint: `Upload the .csv file that Get-WindowsAutoPilotInfo wrote, not a spreadsheet; a list saved from Excel is not usable. ${REGENERATE}`,
    }),
    ENCODING_NOT_ANSI: ({ encoding, asciiOnly, character }) => ({
      message: asciiOnly
        ? `The file is ${en.encoding[encoding]}; Partner Center accepts ANSI text files only.`
        : `The file is ${en.encoding[encoding]} and holds “${character ?? ''}”, which is not an ANSI character; Partner Center accepts ANSI text files only.`,
      hint: asciiOnly
        ? 'Every character in it is ASCII, so it converts to ANSI without loss: use “Convert to ANSI” (or csv:check --fix).'
        : 'Remove or replace the non-ASCII characters, then save the file as ANSI (in Notepad: Save as, Encoding “ANSI”).',
    }),
    SEPARATOR_NOT_COMMA: ({ separator }) => ({
      message:
        separator === 'semicolon'
          ? 'Columns are separated by semicolons (;), as Excel saves in French and other languages; Partner Center needs commas.'
          : 'Columns are separated by tabs; Partner Center needs commas.',
      hint: `Separate columns with commas. ${REGENERATE}`,
    }),
    HEADER_MISSING: ({ expected }) => ({
      message: 'The first line is a device, not the header line.',
      hint: `Add the header line “${expected}” as the first line.`,
    }),
    HEADER_CASE: ({ found, expected }) => ({
      message: `Column “${found}” should be “${expected}”: headers are case-sensitive.`,
      hint: `Write the header exactly as “${expected}”.`,
    }),
    HEADER_SPACES: ({ found, expected }) => ({
      message: `Column “${found}” has spaces around its name; it should be exactly “${expected}”.`,
      hint: 'Remove the spaces around the column name.',
    }),
    HEADER_COLUMN_NAME: ({ found, expected }) => ({
      message: `Column “${found}” is read as “${expected}”, but only the exact name is accepted.`,
      hint: `Rename the column “${expected}”.`,
    }),
    HEADER_ORDER: ({ found, expected }) => ({
      message: `The columns are in the wrong order. Expected “${expected}”, found “${found}”.`,
      hint: 'Put the columns in the expected order.',
    }),
    HEADER_MISSING_COLUMN: ({ name, expected }) => ({
      message: `Column “${name}” is missing. Expected the header “${expected}”.`,
      hint: `Add the column “${name}” (it may be empty on every line).`,
    }),
    HEADER_EXTRA_COLUMN: ({ name, expected }) => ({
      message: `Column “${name}” is not part of a device list: extra columns are not supported. Expected the header “${expected}”.`,
      hint: 'Remove this column from the header and from every line.',
    }),
    HEADER_INTUNE_COLUMN: ({ name, expected }) => ({
      message: `Column “${name}” belongs to Intune’s import format, not to Partner Center’s. Expected the header “${expected}”.`,
      hint: 'Remove the column: here the group tag comes from the device profile you choose, and users are not assigned. Get-WindowsAutoPilotInfo writes it with -GroupTag or -AssignedUser; run it without them.',
    }),
    NO_DEVICES: () => ({
      message: 'The file has a header line but no devices.',
      hint: 'Add one line per device under the header.',
    }),
    BLANK_LINE: ({ separatorsOnly }) => ({
      message: separatorsOnly ? 'This line holds only separators, as Excel leaves an empty row.' : 'This line is empty.',
      hint: 'Remove the line.',
    }),
    QUOTES: () => ({
      message: 'This line holds a quotation mark ("): quotes are not supported.',
      hint: 'Remove every quotation mark. Values cannot contain commas, so they never need quoting.',
    }),
    FIELD_COUNT: ({ found, expected }) => ({
      message: `This line has ${found} ${found === 1 ? 'value' : 'values'}; the header has ${expected} columns.`,
      hint:
        found > expected
          ? 'A value may contain a comma, which is not allowed: remove it, so that each line has one value per column.'
          : 'Each line needs one value per column; leave a value empty, but keep its comma.',
    }),
    TRAILING_EMPTY_COLUMNS: ({ found, expected, onHeader }) => ({
      message: `${onHeader ? 'The header' : 'This line'} ends with ${found - expected} empty ${found - expected === 1 ? 'column' : 'columns'}, as Excel adds them${onHeader ? '' : `; the header has ${expected} columns`}.`,
      hint: 'Remove the trailing commas.',
    }),
    IDENTIFIERS_MISSING: () => ({
      message: 'This line identifies no device: serial number, product ID and hardware hash are all empty.',
      hint: `Give the hardware hash, or remove the line. ${REGENERATE}`,
    }),
    IDENTIFIERS_HASH_AND_TUPLE: ({ fields: f }) => ({
      message: `This line has a hardware hash and also ${fields(f)}: a device is identified by its hash, or by serial number, manufacturer and model, not both.`,
      hint: `Empty ${fields(f)} to register by hash, or empty “Hardware Hash” to register by serial number, manufacturer and model.`,
    }),
    IDENTIFIERS_INCOMPLETE_TUPLE: ({ missing }) => ({
      message: `Without a hardware hash, a device needs its serial number, manufacturer and model together; ${fields(missing)} ${missing.length === 1 ? 'is' : 'are'} empty.`,
      hint: `Fill in ${fields(missing)} exactly as the device’s firmware (SMBIOS) reports them, or give the hardware hash.`,
    }),
    IDENTIFIERS_COMBINATION: ({ present }) => ({
      message: `This line gives ${fields(present)}, which is not one of the accepted combinations: ${en.allowedCombinations}.`,
      hint: 'Keep one accepted combination and empty the other values; the hardware hash is always the safest choice.',
    }),
    HASH_REQUIRED: ({ groupTag }) => ({
      message: `This device has no hardware hash; every device under the Managed Desktop group tag “${groupTag}” needs one.`,
      hint: 'Collect the hash on the device with Get-WindowsAutoPilotInfo.',
    }),
    HASH_NOT_BASE64: ({ character }) => ({
      message: `The hardware hash holds “${character === ' ' ? 'a space' : character}”, which is not a base64 character.`,
      hint: `Copy the hash again from the file Get-WindowsAutoPilotInfo wrote; it holds only letters, digits, +, / and = at the end.`,
    }),
    HASH_BAD_PADDING: ({ detail }) => ({
      message:
        detail === 'misplaced'
          ? 'The hardware hash has “=” before its end: “=” may only close the hash.'
          : detail === 'missing'
            ? 'The hardware hash ends without the “=” padding its length calls for.'
            : detail === 'excess'
              ? 'The hardware hash ends with more “=” signs than its length allows.'
              : 'The hardware hash’s last character before “=” is not a valid ending.',
      hint: 'The hash was damaged when copied: copy it again from the file Get-WindowsAutoPilotInfo wrote.',
    }),
    HASH_TRUNCATED: ({ characters, declaredBytes, decodedBytes }) => ({
      message:
        declaredBytes !== null && declaredBytes > decodedBytes
          ? `The hardware hash is cut off: it is ${characters.toLocaleString('en-US')} characters long but its own header announces ${declaredBytes.toLocaleString('en-US')} bytes of data (only ${decodedBytes.toLocaleString('en-US')} are here).`
          : `The hardware hash is cut off: it stops part-way through (${characters.toLocaleString('en-US')} characters; a complete hash is usually 4,000).`,
      hint: 'Copy the whole hash again from the file Get-WindowsAutoPilotInfo wrote.',
    }),
    HASH_TOO_SHORT: ({ decodedBytes, minimumBytes }) => ({
      message: `The hardware hash is too short to be a 4K hash: ${decodedBytes.toLocaleString('en-US')} bytes, when it takes at least ${minimumBytes}.`,
      hint: 'Older 128-byte hashes are not supported. Collect the 4K hash with Get-WindowsAutoPilotInfo.',
    }),
    HASH_UNRECOGNISED: () => ({
      message: 'The value in “Hardware Hash” is base64, but not a hardware hash (a 4K hash begins with “T0”).',
      hint: 'Check that the columns are in the right order, and copy the hash from the file Get-WindowsAutoPilotInfo wrote.',
    }),
    HASH_LENGTH: ({ characters, usual }) => ({
      message: `The hardware hash is ${characters.toLocaleString('en-US')} characters long, not the ${usual.toLocaleString('en-US')} that Get-WindowsAutoPilotInfo writes: its data is complete, ${
        characters < usual ? 'without all of the zero padding that usually follows it' : 'followed by more zero padding than usual'
      }.`,
      hint: 'Nothing to change: a complete hash is accepted whatever its length, and with or without its padding it is the same device.',
    }),
    PRODUCT_ID_INVALID: ({ value, looksLike }) => ({
      message:
        looksLike === 'scientific'
          ? `Windows Product ID “${value}” is a number Excel rewrote in scientific notation; the digits are lost.`
          : looksLike === 'product-key'
            ? `“${value}” is a product key, not the Windows Product ID: the product ID is the 13-digit number printed on the box.`
            : `Windows Product ID “${value}” is not a 13-digit number.`,
      hint:
        looksLike === 'scientific'
          ? 'Take the product IDs again from their source; do not open the list in Excel.'
          : 'Give the 13-digit product ID (PKID), or leave the column empty and register by hardware hash.',
    }),
    SERIAL_SCIENTIFIC: ({ value }) => ({
      message: `Serial number “${value}” is a number Excel rewrote in scientific notation; the real serial number is lost.`,
      hint: 'Take the serial numbers again from the devices or the original list; a list opened and saved in Excel is not usable.',
    }),
    VALUE_CONTROL_CHARACTER: ({ field, codePoint }) => ({
      message: `“${FIELD[field]}” holds a character that is invisible or changes how the text around it is shown (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}).`,
      hint: 'Remove the character; values must match what the device reports exactly.',
    }),
    VALUE_SPACES: ({ field, value }) => ({
      message: `“${FIELD[field]}” value “${value}” begins or ends with a space.`,
      hint:
        field === 'serialNumber'
          ? 'Serial numbers are kept exactly as written: remove the spaces unless the device reports them.'
          : 'Manufacturer and model must match the device’s SMBIOS values exactly: remove the spaces unless the device reports them.',
    }),
  },
  fixes: {
    converted: (from) => `converted from ${en.encoding[from]} to ANSI`,
    merged: (files, count) => `merged ${files} files into one list of ${devices(count)}`,
    header: (format) => `wrote the header “${headerLine(format)}”`,
    dropped: (what, n) => {
      const plural = n === 1 ? '' : 's';
      if (what === 'blank') return `removed ${n} blank line${plural}`;
      if (what === 'duplicate') return `removed ${n} repeated line${plural}`;
      if (what === 'column') return `removed ${n} empty column${plural}`;
      return `removed the empty columns at the end of ${n} line${plural}`;
    },
    separator: () => 'separated the columns with commas',
  },
};
