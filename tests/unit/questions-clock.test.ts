// The answer clock of the content contract (deadline rule) and the scoreboard figures. Pure.
import { describe, expect, it } from 'vitest';
import { deadlineOf, formatVn, isWorkingDay, workCalendar, workingDaysBetween } from '../../src/questions/deadline.ts';
import { clockQuestion, dailyCounts, figuresOf, inWindow, medianOneDecimal, waitingOrder } from '../../src/questions/stats.ts';
import type { QuestionData } from '../../src/schema/index.ts';

// Thu 30/4 and Fri 1/5 off; Saturday 10/1 worked (make-up day); Thu 1/1 off.
const cal = workCalendar({ holidays: ['2026-01-01', '2026-04-30', '2026-05-01'], workdays: ['2026-01-10'] });

describe('deadlineOf', () => {
  const cases: [string, string, string][] = [
    ['working day, morning', '2026-11-23T09:15:00+07:00', '2026-11-23T17:00:00+07:00'],
    ['16:59 counts as the same day', '2026-11-23T16:59:00+07:00', '2026-11-23T17:00:00+07:00'],
    ['16:59:59.999 still the same day', '2026-11-23T16:59:59.999+07:00', '2026-11-23T17:00:00+07:00'],
    ['17:00 exactly goes to the next working day', '2026-11-23T17:00:00+07:00', '2026-11-24T17:00:00+07:00'],
    ['overnight: late evening', '2026-11-23T23:30:00+07:00', '2026-11-24T17:00:00+07:00'],
    ['overnight: just after midnight is the new day', '2026-11-24T00:30:00+07:00', '2026-11-24T17:00:00+07:00'],
    ['Friday evening waits over the weekend', '2026-11-20T18:00:00+07:00', '2026-11-23T17:00:00+07:00'],
    ['asked on a Saturday', '2026-11-21T10:00:00+07:00', '2026-11-23T17:00:00+07:00'],
    ['asked on a Sunday', '2026-11-22T08:00:00+07:00', '2026-11-23T17:00:00+07:00'],
    ['evening before two holidays and a weekend', '2026-04-29T17:30:00+07:00', '2026-05-04T17:00:00+07:00'],
    ['asked on a holiday', '2026-04-30T09:00:00+07:00', '2026-05-04T17:00:00+07:00'],
    ['Wednesday before the holidays, in time', '2026-04-29T08:00:00+07:00', '2026-04-29T17:00:00+07:00'],
    ['asked on New Year (Thursday holiday)', '2026-01-01T09:00:00+07:00', '2026-01-02T17:00:00+07:00'],
    ['Friday evening before a make-up Saturday', '2026-01-09T17:30:00+07:00', '2026-01-10T17:00:00+07:00'],
    ['asked on a make-up Saturday', '2026-01-10T10:00:00+07:00', '2026-01-10T17:00:00+07:00'],
    ['make-up Saturday after 17:00 goes to Monday', '2026-01-10T17:00:00+07:00', '2026-01-12T17:00:00+07:00'],
    ['given in Z: 09:59Z is 16:59 in Vietnam', '2026-11-23T09:59:00Z', '2026-11-23T17:00:00+07:00'],
    ['given in Z: 10:00Z is 17:00 in Vietnam', '2026-11-23T10:00:00Z', '2026-11-24T17:00:00+07:00'],
    ['given in Z on a Sunday that is Monday in Vietnam', '2026-11-22T20:00:00Z', '2026-11-23T17:00:00+07:00'],
    ['given at -05:00 (Sunday evening there, Monday morning here)', '2026-11-22T22:00:00-05:00', '2026-11-23T17:00:00+07:00'],
    ['given at +09:00: 18:30 there is 16:30 here', '2026-11-23T18:30:00+09:00', '2026-11-23T17:00:00+07:00'],
  ];
  it.each(cases)('%s', (_name, asked, expected) => {
    const d = deadlineOf(new Date(asked), cal);
    expect(formatVn(d)).toBe(expected);
    expect(d.getTime()).toBe(Date.parse(expected));
  });

  it('knows working days', () => {
    expect(isWorkingDay('2026-01-10', cal)).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-01-11', cal)).toBe(false);
    expect(isWorkingDay('2026-04-30', cal)).toBe(false);
    expect(isWorkingDay('2026-04-29', cal)).toBe(true);
  });

  it('counts working days between two instants', () => {
    // Wed 29/4 → Mon 4/5: Thu and Fri are holidays, then the weekend: only Monday counts.
    expect(workingDaysBetween(new Date('2026-04-29T10:00:00+07:00'), new Date('2026-05-04T10:00:00+07:00'), cal)).toBe(1);
  });

  it('refuses a calendar without working days instead of looping', () => {
    const all = Array.from({ length: 500 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(() => deadlineOf(new Date('2026-01-01T18:00:00+07:00'), workCalendar({ holidays: all }))).toThrow(/calendar\.yaml/);
  });
});

function q(id: string, over: Partial<QuestionData>): { id: string; data: QuestionData } {
  return {
    id,
    data: { id, question: 'Câu hỏi?', field: 'dien-luc', asked_by: 'UBND xã A', asked: '2026-05-25T09:00:00+07:00', assigned_to: 'u', status: 'open', ...over } as QuestionData,
  };
}

describe('question figures', () => {
  const now = new Date('2026-06-01T10:00:00+07:00');
  const qs = [
    q('a', { status: 'answered', asked: '2026-05-25T09:00:00+07:00', answered_at: '2026-05-25T15:00:00+07:00', entry: 'e' }), // 6 h, on time
    q('b', { status: 'answered', asked: '2026-05-25T16:30:00+07:00', answered_at: '2026-05-26T09:30:00+07:00', entry: 'e' }), // 17 h, late
    q('c', { status: 'answered', asked: '2026-05-22T18:00:00+07:00', answered_at: '2026-05-25T11:00:00+07:00', entry: 'e' }), // 65 h, on time
    q('d', { status: 'open', asked: '2026-05-29T10:00:00+07:00' }), // overdue since Fri 17:00
    q('e', { status: 'open', asked: '2026-06-01T08:00:00+07:00' }), // due today 17:00
    q('f', { status: 'consulting', asked: '2026-03-10T10:00:00+07:00', consult_reason: 'Chờ Bộ' }), // no clock
    q('g', { status: 'answered', asked: '2026-05-26T10:00:00+07:00', answered_at: '2026-05-26T17:00:00+07:00', entry: 'e' }), // at the deadline exactly: on time
  ].map((x) => clockQuestion(x, cal, now));

  it('marks on time, late and overdue', () => {
    const by = Object.fromEntries(qs.map((x) => [x.id, x]));
    expect([by.a.onTime, by.b.onTime, by.c.onTime, by.g.onTime]).toEqual([true, false, true, true]);
    expect([by.d.overdue, by.e.overdue, by.f.overdue]).toEqual([true, false, false]);
    expect([by.d.onTime, by.f.onTime]).toEqual([null, null]);
    expect(by.c.answerHours).toBe(65);
  });

  it('computes the unit figures', () => {
    expect(figuresOf(qs)).toEqual({
      received: 7,
      answered: 4,
      answeredOnTime: 3,
      onTimePercent: 75,
      medianAnswerHours: 12, // median of 6, 7, 17, 65
      openNow: 2,
      openOverdue: 1,
      consultingNow: 1,
    });
  });

  it('windows by the asking instant', () => {
    expect(inWindow(qs, now, 30).map((x) => x.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'g']);
    expect(inWindow(qs, now, 90).length).toBe(7);
    expect(figuresOf([]).medianAnswerHours).toBeNull();
  });

  it('rounds the median to one decimal', () => {
    expect(medianOneDecimal([1.04, 2.26])).toBe(1.7); // 1.65 → 1.7
    expect(medianOneDecimal([1 / 3])).toBe(0.3);
    expect(medianOneDecimal([])).toBeNull();
  });

  it('orders waiting questions overdue first, then oldest', () => {
    expect(waitingOrder(qs).map((x) => x.id)).toEqual(['d', 'f', 'e']);
  });

  it('counts received and answered per Vietnam day', () => {
    const days = dailyCounts(qs, now, 10);
    expect(days).toHaveLength(10);
    expect(days.at(-1)).toEqual({ date: '2026-06-01', received: 1, answered: 0 });
    expect(days.find((d) => d.date === '2026-05-25')).toEqual({ date: '2026-05-25', received: 2, answered: 2 });
  });
});

describe('HOIDAP_NOW', () => {
  it('fixes the current instant, and refuses a time without offset', async () => {
    const { siteNow } = await import('../../src/site.config.ts');
    expect(siteNow({ HOIDAP_NOW: '2026-11-30T10:00:00+07:00' }).toISOString()).toBe('2026-11-30T03:00:00.000Z');
    expect(() => siteNow({ HOIDAP_NOW: '2026-11-30T10:00:00' })).toThrow(/HOIDAP_NOW/);
    const fixed = new Date('2020-01-01T00:00:00Z');
    expect(siteNow({}, () => fixed)).toBe(fixed);
  });
  it('also fixes the build date when HOIDAP_BUILD_DATE is not set (Vietnam day of that instant)', async () => {
    const { buildDate } = await import('../../src/content/dates.ts');
    expect(buildDate({ HOIDAP_NOW: '2026-11-30T20:00:00Z' })).toBe('2026-12-01');
    expect(buildDate({ HOIDAP_NOW: '2026-11-30T20:00:00Z', HOIDAP_BUILD_DATE: '2026-06-01' })).toBe('2026-06-01');
  });
});
