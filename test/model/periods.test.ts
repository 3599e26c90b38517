// Periods as planners write them (`2027-Q1`, `2027-03`, `2027-03-15`) and the quarter
// arithmetic capacity accounting runs on, including the calendar's awkward corners.

import { describe, expect, test } from 'vitest';
import {
    daysBetween, isIsoDay, parsePeriod, periodOf, quarterIndex, quarterLabel, quarterOfDay, quarterOfMonth, systemToday,
} from '../../language/model/periods.js';

function error(text: string): string | undefined {
    const result = parsePeriod(text);
    return 'error' in result ? result.error : undefined;
}

describe('quarters', () => {
    test.each([
        ['2027-Q1', '2027-01-01', '2027-03-31'],
        ['2027-Q2', '2027-04-01', '2027-06-30'],
        ['2027-Q3', '2027-07-01', '2027-09-30'],
        ['2027-Q4', '2027-10-01', '2027-12-31'],
    ])('%s runs from %s to %s', (text, first, last) => {
        expect(periodOf(text)).toMatchObject({ kind: 'quarter', text, firstDay: first, lastDay: last });
    });

    test.each(['2027-Q0', '2027-Q5', '2027-Q12'])('%s is not a quarter', text => {
        expect(error(text)).toBe(`'${text}' is not a quarter: quarters run from Q1 to Q4`);
    });

    test('quarters are numbered on one axis, so the year boundary is just the next number', () => {
        expect(quarterIndex(2028, 1) - quarterIndex(2027, 4)).toBe(1);
        expect(periodOf('2028-Q1')!.quarter).toBe(periodOf('2027-Q4')!.quarter + 1);
        expect(quarterLabel(quarterIndex(2027, 4))).toBe('2027-Q4');
        expect(quarterLabel(quarterIndex(2028, 1))).toBe('2028-Q1');
    });
});

describe('months', () => {
    test.each([
        ['2027-01', 1], ['2027-03', 1], ['2027-04', 2], ['2027-06', 2], ['2027-07', 3], ['2027-09', 3], ['2027-10', 4], ['2027-12', 4],
    ])('%s counts in quarter %i', (text, quarter) => {
        expect(periodOf(text)!.quarter).toBe(quarterIndex(2027, quarter));
    });

    test('a month spans its first to its last day', () => {
        expect(periodOf('2027-04')).toMatchObject({ kind: 'month', firstDay: '2027-04-01', lastDay: '2027-04-30' });
        expect(periodOf('2027-12')).toMatchObject({ firstDay: '2027-12-01', lastDay: '2027-12-31' });
    });

    test('a one-digit month means the same month', () => {
        expect(periodOf('2027-3')).toMatchObject({ kind: 'month', firstDay: '2027-03-01', lastDay: '2027-03-31', quarter: quarterIndex(2027, 1) });
    });

    test.each(['2027-13', '2027-00', '2027-0', '2027-99'])('%s is not a month', text => {
        expect(error(text)).toBe(`'${text}' is not a month: months run from 01 to 12`);
    });
});

describe('dates and leap years', () => {
    test('a date falls in the quarter of its month', () => {
        expect(periodOf('2027-03-31')!.quarter).toBe(quarterIndex(2027, 1));
        expect(periodOf('2027-04-01')!.quarter).toBe(quarterIndex(2027, 2));
        expect(periodOf('2027-12-31')!.quarter).toBe(quarterIndex(2027, 4));
        expect(periodOf('2027-3-5')).toMatchObject({ kind: 'date', firstDay: '2027-03-05', lastDay: '2027-03-05' });
    });

    test.each(['2028-02-29', '2024-02-29', '2000-02-29', '2400-02-29'])('%s exists (a leap year)', text => {
        expect(periodOf(text)).toMatchObject({ kind: 'date', firstDay: text });
        expect(isIsoDay(text)).toBe(true);
    });

    test.each([['2027-02-29', 2027], ['2100-02-29', 2100], ['1900-02-29', 1900]])('%s does not (no leap year)', (text, year) => {
        expect(error(text)).toBe(`'${text}' is not a date: February ${year} has 28 days`);
        expect(isIsoDay(text)).toBe(false);
    });

    test('February has 29 days in a leap year and 28 otherwise', () => {
        expect(periodOf('2028-02')!.lastDay).toBe('2028-02-29');
        expect(periodOf('2027-02')!.lastDay).toBe('2027-02-28');
    });

    test.each([
        ['2027-04-31', 'April 2027 has 30 days'],
        ['2027-01-32', 'January 2027 has 31 days'],
        ['2027-06-00', 'June 2027 has 30 days'],
    ])('%s is not a date: %s', (text, why) => {
        expect(error(text)).toBe(`'${text}' is not a date: ${why}`);
    });

    test('a date in month 13 is not a date', () => {
        expect(error('2027-13-01')).toBe("'2027-13-01' is not a date: months run from 01 to 12");
    });

    test('text that is no period at all says what a period looks like', () => {
        expect(error('Q1-2027')).toContain('write a quarter (2027-Q1), a month (2027-03) or a date (2027-03-15)');
        expect(periodOf('next year')).toBeUndefined();
        expect(periodOf(undefined)).toBeUndefined();
    });
});

describe('today and day arithmetic', () => {
    test('--today must be a real YYYY-MM-DD day', () => {
        expect(isIsoDay('2027-01-15')).toBe(true);
        for (const text of ['2027-1-15', '2027-01-5', '27-01-15', '2027-13-01', '2027-00-10', '2027-01-00', '2027-Q1', '2027-01-15T10:00', ' 2027-01-15']) {
            expect(isIsoDay(text), text).toBe(false);
        }
    });

    test('the quarter of a day', () => {
        expect(quarterLabel(quarterOfDay('2027-01-15'))).toBe('2027-Q1');
        expect(quarterLabel(quarterOfDay('2027-09-30'))).toBe('2027-Q3');
        expect(quarterLabel(quarterOfDay('2027-10-01'))).toBe('2027-Q4');
        expect(quarterOfMonth(2027, 12)).toBe(quarterIndex(2027, 4));
    });

    test('days between two days, across a leap day and a year end, negative backwards', () => {
        expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
        expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
        expect(daysBetween('2027-12-31', '2028-01-01')).toBe(1);
        expect(daysBetween('2027-01-15', '2027-01-08')).toBe(-7);
        // A daylight-saving change in between does not make a day short.
        expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
        expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    });

    test('the system date is a valid YYYY-MM-DD day', () => {
        expect(isIsoDay(systemToday())).toBe(true);
    });
});
