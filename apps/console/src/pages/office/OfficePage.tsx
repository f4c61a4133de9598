import '../../office/messages';
import { Tabs } from 'antd';
import { lazy, Suspense, type ReactElement } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { accessFor } from '../../access';
import type { Session } from '../../api/session';
import { useI18n } from '../../i18n/i18n';

const SupervisionPage = lazy(() => import('./SupervisionPage'));
const ReportPage = lazy(() => import('./ReportPage'));
const AgendaPage = lazy(() => import('./AgendaPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));

const TABS = ['supervision', 'report', 'agenda', 'calendar'] as const;
type Tab = (typeof TABS)[number];

/** 督办与报表: one nav entry, a tab per page the role may use (apps/console/src/access.ts). */
export default function OfficePage({ session }: { session: Session }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { tab } = useParams();
  const access = accessFor(session.user.role).office;
  const allowed = TABS.filter((k) => access[k]);
  if (allowed.length === 0) return <Navigate to="/" replace />;
  const current: Tab = allowed.includes(tab as Tab) ? (tab as Tab) : allowed[0];
  if (tab !== current) return <Navigate to={`/office/${current}`} replace />;
  const page: Record<Tab, ReactElement> = {
    supervision: <SupervisionPage session={session} />,
    report: <ReportPage session={session} />,
    agenda: <AgendaPage session={session} />,
    calendar: <CalendarPage session={session} />,
  };
  return (
    <>
      <Tabs
        className="office-tabs"
        activeKey={current}
        onChange={(k) => void navigate(`/office/${k}`)}
        items={allowed.map((k) => ({ key: k, label: t(`office.tab.${k}`) }))}
        style={{ marginBottom: 8 }}
      />
      <Suspense fallback={null}>{page[current]}</Suspense>
    </>
  );
}
