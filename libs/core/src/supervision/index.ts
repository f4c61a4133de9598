export { SupervisionCoreModule } from './supervision.module';
export { SupervisionService, toNoticeView } from './supervision.service';
export type { SupervisionNoticeView, UnitWatch, WatchedCase, WatchList } from './supervision.types';
