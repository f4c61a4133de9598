import { enUS, zhCN } from '../i18n/areas/console-police';
import { registerMessages } from '../i18n/i18n';

// Imported (for this effect) by every module of the community police room and the charts.
registerMessages(zhCN, enUS);
