import { enUS, zhCN } from '../i18n/areas/console-office';
import { registerMessages } from '../i18n/i18n';

// Imported (for this effect) by every module of the office pages and the case page's panels.
registerMessages(zhCN, enUS);
