import { describe, expect, it } from 'vitest';
import { matchesBookingSearch } from '../../server/engine/booking-search.js';

const b = { id: 'b0001', name: '张三丰', idNumber: '11010119900101001X', phone: '13812345678' };

describe('matchesBookingSearch: staff find a booking without recovering what the mask hides', () => {
  it('matches the whole ID number, phone, name or booking id', () => {
    for (const q of ['11010119900101001x', '13812345678', '张三丰', 'B0001']) expect(matchesBookingSearch(b, q)).toBe(true);
  });

  it('matches the four-character tails the mask shows anyway', () => {
    expect(matchesBookingSearch(b, '5678')).toBe(true);
    expect(matchesBookingSearch(b, '001X')).toBe(true);
  });

  it('does not match a prefix or middle part of an ID number or phone, so digits cannot be guessed one at a time', () => {
    for (const q of ['1101011', '110101199001', '138', '1381234', '12345', '3456', '三丰', '张'])
      expect(matchesBookingSearch(b, q)).toBe(false);
  });

  it('matches the whole booking code (issue 17), in any case, and never a part of it', () => {
    const withCode = { ...b, code: 'AB23CD45' };
    expect(matchesBookingSearch(withCode, 'ab23cd45')).toBe(true);
    expect(matchesBookingSearch(withCode, 'AB23')).toBe(false);
    expect(matchesBookingSearch(b, 'AB23CD45')).toBe(false);
  });
});
