export { AgendaCoreModule } from './agenda.module';
export { AgendaService, type ReadAgendaOptions } from './agenda.service';
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
