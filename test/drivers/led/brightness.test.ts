import { describe, expect, it } from 'vitest';
import { brightnessAt } from '../../../drivers/led/screen.js';

describe('brightnessAt', () => {
  it('is day level 12 from 07:00 until 18:00', () => {
    expect(brightnessAt('07:00')).toBe(12);
    expect(brightnessAt('12:30')).toBe(12);
    expect(brightnessAt('17:59')).toBe(12);
  });

  it('is evening level 6 from 18:00 until 22:00, night level 2 otherwise', () => {
    expect(brightnessAt('18:00')).toBe(6);
    expect(brightnessAt('21:59')).toBe(6);
    expect(brightnessAt('22:00')).toBe(2);
    expect(brightnessAt('00:00')).toBe(2);
    expect(brightnessAt('06:59')).toBe(2);
  });

  it('refuses a time that is not HH:MM', () => {
    for (const bad of ['7:00', '24:00', '12:60', '1200', '']) expect(() => brightnessAt(bad)).toThrow(RangeError);
  });
});
