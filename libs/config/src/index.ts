export {
  AppConfig,
  DURATION_SETTINGS,
  type AppConfigFields,
  type DurationSetting,
  type NodeEnv,
  type ThrottleRule,
} from './app-config';
export { EnvironmentVariables, type EnvironmentVariable } from './environment';
export { loadConfig } from './load-config';
export { parseIsoDuration } from './iso-duration';
export * from './dev-defaults';
