import { Injectable } from '@nestjs/common';
import { CalendarYearEntity, TransactionRunner } from '@tricolor/persistence';
import {
  calendarOf,
  CHINA_OFFICIAL_YEARS,
  type BusinessCalendar,
  type CalendarYear,
} from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';

/**
 * How long a process trusts the calendar it loaded. An edit in this process takes effect at
 * once; other API or worker replicas see it within this time (and the edit itself re-times
 * the timers already set, so only a case opened in that window could count on the old data).
 */
const CACHE_MS = 30_000;

export interface CalendarYearView extends CalendarYear {
  /** `official`: shipped with the server; `edited`: set by an admin (it replaces the shipped year). */
  origin: 'official' | 'edited';
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The business calendar in force: the shipped official years, with admins' years over them. */
@Injectable()
export class CalendarStore {
  private cache: { calendar: BusinessCalendar; years: CalendarYearView[]; at: number } | null =
    null;

  constructor(private readonly tx: TransactionRunner) {}

  /** In the caller's transaction when it has one (SQLite has one connection). */
  async current(m?: EntityManager, now = Date.now()): Promise<BusinessCalendar> {
    return (await this.load(m, now)).calendar;
  }

  async years(m?: EntityManager): Promise<CalendarYearView[]> {
    return (await this.load(m, Date.now())).years;
  }

  invalidate(): void {
    this.cache = null;
  }

  private async load(m: EntityManager | undefined, now: number) {
    if (this.cache && now - this.cache.at < CACHE_MS) return this.cache;
    const rows = m
      ? await m.find(CalendarYearEntity)
      : await this.tx.run((tm) => tm.find(CalendarYearEntity));
    const byYear = new Map<number, CalendarYearView>();
    for (const y of CHINA_OFFICIAL_YEARS) {
      byYear.set(y.year, { ...y, origin: 'official', updatedAt: null, updatedBy: null });
    }
    for (const r of rows) {
      byYear.set(r.year, {
        year: r.year,
        holidays: [...r.holidays].sort(),
        makeUpDays: [...r.makeUpDays].sort(),
        ...(r.source ? { source: r.source } : {}),
        origin: 'edited',
        updatedAt: r.updatedAt.toISOString(),
        updatedBy: r.updatedBy,
      });
    }
    const years = [...byYear.values()].sort((a, b) => a.year - b.year);
    this.cache = { calendar: calendarOf(years), years, at: now };
    return this.cache;
  }
}
