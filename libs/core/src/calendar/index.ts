export { CalendarCoreModule } from './calendar-core.module';
export { CalendarModule } from './calendar.module';
export { CalendarStore, type CalendarYearView } from './calendar-store.service';
export {
  CalendarEdits,
  retimeJobId,
  type CalendarEditResult,
  type RetimedOnCase,
} from './calendar-edits.service';
export { checkCalendarYear } from './check-calendar-year';
export { NextSteps, type NextView } from './next-steps.service';
