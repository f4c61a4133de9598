export * from './types';
export * from './business-calendar';
export * from './working-span';
export { CHINA_OFFICIAL_YEARS } from './china-official';
export * from './timer-clock';
export * from './retime';
export * from './supervision';
export * from './next-steps';
