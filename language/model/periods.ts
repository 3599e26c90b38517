// Periods as a planner writes them (`2027-Q1`, `2027-03`, `2027-03-15`) and the quarter
// arithmetic that capacity accounting runs on. Quarters are numbered on one axis
// (year * 4 + quarter - 1) so ranges and windows are plain integer ranges.

export type PeriodKind = 'quarter' | 'month' | 'date';

export interface Period {
    readonly kind: PeriodKind;
    readonly text: string;
    /** Index of the quarter the period falls in. */
    readonly quarter: number;
    /** First and last day of the period, as `YYYY-MM-DD` (these sort as strings). */
    readonly firstDay: string;
    readonly lastDay: string;
}

export type PeriodResult = { period: Period } | { error: string };

const QUARTER = /^(\d{4})-Q(\d+)$/;
const MONTH = /^(\d{4})-(\d{1,2})$/;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function parsePeriod(text: string): PeriodResult {
    let m = QUARTER.exec(text);
    if (m) {
        const year = Number(m[1]), q = Number(m[2]);
        if (q < 1 || q > 4) return { error: `'${text}' is not a quarter: quarters run from Q1 to Q4` };
        return { period: { kind: 'quarter', text, quarter: quarterIndex(year, q), firstDay: day(year, q * 3 - 2, 1), lastDay: day(year, q * 3, daysInMonth(year, q * 3)) } };
    }
    m = MONTH.exec(text);
    if (m) {
        const year = Number(m[1]), month = Number(m[2]);
        if (month < 1 || month > 12) return { error: `'${text}' is not a month: months run from 01 to 12` };
        return { period: { kind: 'month', text, quarter: quarterOfMonth(year, month), firstDay: day(year, month, 1), lastDay: day(year, month, daysInMonth(year, month)) } };
    }
    m = DATE.exec(text);
    if (m) {
        const year = Number(m[1]), month = Number(m[2]), d = Number(m[3]);
        if (month < 1 || month > 12) return { error: `'${text}' is not a date: months run from 01 to 12` };
        if (d < 1 || d > daysInMonth(year, month)) return { error: `'${text}' is not a date: ${monthName(month)} ${year} has ${daysInMonth(year, month)} days` };
        return { period: { kind: 'date', text, quarter: quarterOfMonth(year, month), firstDay: day(year, month, d), lastDay: day(year, month, d) } };
    }
    return { error: `'${text}' is not a period: write a quarter (2027-Q1), a month (2027-03) or a date (2027-03-15)` };
}

/** Parses a period and returns it, or undefined when it is not a valid period. */
export function periodOf(text: string | undefined): Period | undefined {
    if (text === undefined) return undefined;
    const result = parsePeriod(text);
    return 'period' in result ? result.period : undefined;
}

export function quarterIndex(year: number, quarter: number): number {
    return year * 4 + quarter - 1;
}

export function quarterOfMonth(year: number, month: number): number {
    return quarterIndex(year, Math.floor((month - 1) / 3) + 1);
}

/** `2027-Q1` for a quarter index. */
export function quarterLabel(index: number): string {
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarter index a `YYYY-MM-DD` day falls in. */
export function quarterOfDay(isoDay: string): number {
    return quarterOfMonth(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)));
}

/** Checks a `YYYY-MM-DD` string (as given to `--today` or `trellis.today`). */
export function isIsoDay(text: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    const month = Number(m[2]), d = Number(m[3]);
    return month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(Number(m[1]), month);
}

/** Today's date in local time as `YYYY-MM-DD`. */
export function systemToday(): string {
    const now = new Date();
    return day(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function day(year: number, month: number, d: number): string {
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthName(month: number): string {
    return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1];
}
