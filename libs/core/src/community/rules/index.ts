export * from './vocabulary';
export { reviewDueAt } from './review-due';
export * from './report-access';
export * from './team-fit';
export * from './geojson';
