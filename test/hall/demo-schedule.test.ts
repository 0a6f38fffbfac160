/**
 * Issue 14: the demo schedule (npm start) keeps the demo hall open around the clock. Workdays run
 * regular sessions (every service); weekends and holidays run the calendar's extended sessions, so
 * there the 延时服务 list serves and the others are greyed with when they next are: a demo of both.
 */
import { describe, expect, it } from 'vitest';
import { demoAllDayHours } from '../../server/demo.js';
import { DEFAULT_HOURS } from '../../server/engine/calendar.js';
import { KIOSK, makeHall, seedCatalog } from '../helpers/hall.js';

describe('demo schedule', () => {
  for (const at of ['2026-11-23T03:00:00+08:00', '2026-11-23T12:30:00+08:00', '2026-11-23T23:30:00+08:00']) {
    it(`a workday, ${at}: open, every service takes a walk-in ticket`, () => {
      const { hall } = makeHall({ now: at, hours: demoAllDayHours({ ...DEFAULT_HOURS }) });
      seedCatalog(hall);
      expect(hall.snapshot()).toMatchObject({ open: true, availability: { unavailable: [] } });
      for (const s of hall.services()) expect(hall.issueTicket(KIOSK, { serviceId: s.id }).ticket.number).toMatch(/^[AB]\d{3}$/);
    });
  }
  for (const at of ['2026-11-29T23:30:00+08:00', '2026-10-02T02:00:00+08:00']) {
    it(`a weekend or holiday, ${at}: open for the 延时服务 list`, () => {
      const { hall } = makeHall({ now: at, hours: demoAllDayHours({ ...DEFAULT_HOURS }) });
      seedCatalog(hall);
      expect(hall.snapshot().open).toBe(true);
      for (const s of hall.services().filter((x) => x.extended)) expect(hall.issueTicket(KIOSK, { serviceId: s.id }).ticket.number).toMatch(/^[AB]\d{3}$/);
    });
  }
});
