import { enUS, zhCN } from '../i18n/areas/console-diagram';
import { registerMessages } from '../i18n/i18n';

// Imported (for this effect) by the diagram's chunk: its words arrive with it.
registerMessages(zhCN, enUS);
