export { AgendaCoreModule } from './agenda.module';
export { AgendaService, type ReadAgendaOptions } from './agenda.service';
export { AGENDA_LIST_CAP, pageAgenda, type AgendaPage, type AgendaPageInfo } from './agenda-page';
export type {
  Agenda,
  AgendaCase,
  AgendaCounts,
  AgendaEscalation,
  AgendaKind,
  AgendaSection,
  AgendaSummary,
  AgendaUnit,
  CommunityAgenda,
  StreetAgenda,
} from './agenda.types';
