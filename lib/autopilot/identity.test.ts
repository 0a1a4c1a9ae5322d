/**
 * One device, whatever the spelling: every way the same device was written
 * to register it twice gives the same identity; what really differs does not.
 */
import { describe, expect, it } from 'vitest';
import { fakeHash, seeded, withoutPadding } from '@/test-data/generate';
import { deviceIdentity, hashIdentity, identityText } from './identity';

const device = (serialNumber: string, manufacturer: string, model: string) => ({ serialNumber, productKey: null, hardwareHash: null, manufacturer, model });

describe('the identity of a text identifier', () => {
  it.each([
    ['lower case', 'sn-00042'],
    ['a trailing space', 'SN-00042 '],
    ['surrounding tabs and no-break spaces', '\t\u00a0SN-00042\u00a0'],
    ['a zero-width space', 'SN-\u200b00042'],
    ['a leading byte order mark', '\ufeffSN-00042'],
    ['a look-alike hyphen (U+2010)', 'SN\u201000042'],
    ['a minus sign (U+2212)', 'SN\u221200042'],
    ['a non-breaking hyphen (U+2011)', 'SN\u201100042'],
    ['full-width letters and digits', 'ＳＮ－００042'],
    ['a right-to-left override', 'SN-00042\u202e'],
  ])('is the same with %s', (_, spelling) => {
    expect(identityText(spelling)).toBe(identityText('SN-00042'));
  });

  it('collapses runs of inner spaces and folds case fully', () => {
    expect(identityText('NW  14')).toBe(identityText('nw 14'));
    expect(identityText('NORTHWIND')).toBe(identityText('Northwind'));
    expect(identityText('STRASSE')).toBe(identityText('Straße'));
  });

  it('keeps apart what really differs', () => {
    expect(identityText('SN-00042')).not.toBe(identityText('SN-00043'));
    expect(identityText('NW 14')).not.toBe(identityText('NW14'));
    expect(identityText('SN-0004 2')).not.toBe(identityText('SN-00042'));
  });
});

describe('the identity of a device', () => {
  it('is the same for the serial, manufacturer and model however each is written', () => {
    const written = deviceIdentity(device('SN-00042', 'Northwind', 'NW 14'));
    for (const other of [
      device('sn-00042', 'NORTHWIND', 'NW  14'),
      device('SN-00042 ', 'Northwind', '\ufeffNW 14'),
      device('SN\u201000042', 'North\u200bwind', 'NW 14'),
    ]) {
      expect(deviceIdentity(other).tuple).toBe(written.tuple);
    }
  });

  it('keeps the three parts apart: a space cannot move a word from one to another', () => {
    expect(deviceIdentity(device('SN 1', 'Northwind', 'NW')).tuple).not.toBe(deviceIdentity(device('SN', '1 Northwind', 'NW')).tuple);
  });

  it('has a product key written in either case and with look-alike hyphens as one', () => {
    const pk = (productKey: string) => deviceIdentity({ serialNumber: null, productKey, hardwareHash: null, manufacturer: null, model: null }).productKey;
    expect(pk('3300000000001 ')).toBe(pk('3300000000001'));
    expect(pk('abcde-12345')).toBe(pk('ABCDE\u201212345'));
  });
});

describe('the identity of a hardware hash', () => {
  const hash = fakeHash(seeded(7));

  it('is its data: the 4,000-character hash and the same data without its zero padding are one', () => {
    const bare = withoutPadding(hash);
    expect(hash).toHaveLength(4000);
    expect(bare.length).toBeLessThan(2000);
    expect(hashIdentity(bare)).toBe(hashIdentity(hash));
  });

  it('is the same data however much padding follows it', () => {
    const bytes = Buffer.from(hash, 'base64');
    for (const zeros of [0, 1, 2, 3, 500]) {
      const data = Buffer.concat([Buffer.from(withoutPadding(hash), 'base64'), Buffer.alloc(zeros)]);
      expect(hashIdentity(data.toString('base64')), `${zeros} zero bytes`).toBe(hashIdentity(bytes.toString('base64')));
    }
  });

  it('tells apart data that differs only in its last bits', () => {
    const data = Buffer.from(withoutPadding(hash), 'base64');
    const other = Buffer.from(data);
    other[other.length - 1] = other[other.length - 1] === 0xff ? 0xfe : 0xff;
    expect(hashIdentity(other.toString('base64'))).not.toBe(hashIdentity(data.toString('base64')));
    expect(hashIdentity(Buffer.concat([data, Buffer.from([1])]).toString('base64'))).not.toBe(hashIdentity(data.toString('base64')));
  });

  it('is case-sensitive, as base64 is', () => {
    expect(hashIdentity(hash.toLowerCase())).not.toBe(hashIdentity(hash));
  });

  it('tells two captures apart', () => {
    expect(hashIdentity(fakeHash(seeded(8)))).not.toBe(hashIdentity(hash));
  });
});
