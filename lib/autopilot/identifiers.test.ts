import { describe, expect, it } from 'vitest';
import { checkCombination, checkProductId, isScientificNotation, type DeviceIdentifiers } from './identifiers';

const ids = (fields: Partial<DeviceIdentifiers>): DeviceIdentifiers => ({
  serialNumber: null,
  productKey: null,
  hardwareHash: null,
  manufacturer: null,
  model: null,
  ...fields,
});
const H = 'hash';
const P = '3301234567890';
const S = '5CG1457YL8';

describe('identifier combinations', () => {
  it('accepts exactly the six combinations of Partner Center’s API', () => {
    expect(checkCombination(ids({ hardwareHash: H, productKey: P }))).toEqual({ ok: true, combination: 1 });
    expect(checkCombination(ids({ hardwareHash: H, serialNumber: S }))).toEqual({ ok: true, combination: 2 });
    expect(checkCombination(ids({ hardwareHash: H, productKey: P, serialNumber: S }))).toEqual({ ok: true, combination: 3 });
    expect(checkCombination(ids({ hardwareHash: H }))).toEqual({ ok: true, combination: 4 });
    expect(checkCombination(ids({ productKey: P }))).toEqual({ ok: true, combination: 5 });
    expect(checkCombination(ids({ serialNumber: S, manufacturer: 'HP', model: 'EliteBook 840 G8' }))).toEqual({
      ok: true,
      combination: 6,
    });
  });

  it('rejects a hash with a manufacturer or model, naming the fields to empty', () => {
    expect(checkCombination(ids({ hardwareHash: H, serialNumber: S, manufacturer: 'HP' }))).toEqual({
      ok: false,
      fault: 'hash-and-tuple',
      fields: ['manufacturer'],
    });
    expect(checkCombination(ids({ hardwareHash: H, manufacturer: 'HP', model: 'X' }))).toMatchObject({
      fields: ['manufacturer', 'model'],
    });
  });

  it('names what an incomplete serial, manufacturer and model lacks', () => {
    expect(checkCombination(ids({ serialNumber: S }))).toEqual({
      ok: false,
      fault: 'incomplete-tuple',
      missing: ['manufacturer', 'model'],
    });
    expect(checkCombination(ids({ manufacturer: 'HP', model: 'X' }))).toMatchObject({ missing: ['serialNumber'] });
  });

  it('rejects an empty row and other mixtures', () => {
    expect(checkCombination(ids({}))).toEqual({ ok: false, fault: 'none' });
    expect(checkCombination(ids({ productKey: P, serialNumber: S }))).toEqual({
      ok: false,
      fault: 'other',
      present: ['serialNumber', 'productKey'],
    });
  });
});

describe('Windows Product ID', () => {
  it('is the 13-digit product key ID', () => {
    expect(checkProductId('3301234567890')).toEqual({ ok: true });
    expect(checkProductId('0000000000001')).toEqual({ ok: true });
  });

  it('says what a wrong one looks like', () => {
    expect(checkProductId('3.30123E+12')).toEqual({ ok: false, looksLike: 'scientific' });
    expect(checkProductId('VK7JG-NPHTM-C97JM-9MPGT-3V66T')).toEqual({ ok: false, looksLike: 'product-key' });
    expect(checkProductId('330123456789')).toEqual({ ok: false, looksLike: 'digits' });
    expect(checkProductId('33012345678901')).toEqual({ ok: false, looksLike: 'digits' });
    expect(checkProductId('PKID-1')).toEqual({ ok: false, looksLike: 'other' });
  });
});

describe('serial numbers', () => {
  it('recognises what Excel does to long numbers', () => {
    expect(isScientificNotation('1.23457E+11')).toBe(true);
    expect(isScientificNotation('1,23457E+11')).toBe(true);
    expect(isScientificNotation('5E+11')).toBe(true);
    expect(isScientificNotation('5CG1457YL8')).toBe(false);
    expect(isScientificNotation('0123E45')).toBe(false);
  });
});
