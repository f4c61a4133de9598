import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { whenUnauthorized } from './api/client';
import { loadSession, saveSession, type Session } from './api/session';
import { Shell } from './components/Shell';
import { antdEnglish, useI18n } from './i18n/i18n';
import { LoginPage } from './pages/LoginPage';

// The desk pages, the charts and the diagram load on demand: the phone's first page stays light.
const QueuePage = lazy(() => import('./pages/QueuePage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const OpenDisputePage = lazy(() => import('./pages/OpenDisputePage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const AdminPage = lazy(() => import('./pages/AdminPage'));
const OfficePage = lazy(() => import('./pages/office/OfficePage'));
const ReportFormPage = lazy(() => import('./pages/police/ReportFormPage'));
const ReportsPage = lazy(() => import('./pages/police/ReportsPage'));
const TeamPage = lazy(() => import('./pages/police/TeamPage'));
const MapPage = lazy(() => import('./pages/police/MapPage'));

const THEME = {
  components: {
    // The menu sits on the blue header: light text on it, never Ant Design's 65 % white.
    Menu: {
      darkItemBg: 'transparent',
      darkItemColor: '#f0f5ff',
      darkItemSelectedBg: '#0b2f6b',
      darkItemHoverColor: '#ffffff',
      itemPaddingInline: 12,
    },
  },
  token: {
    colorPrimary: '#1f4e9c',
    colorLink: '#1f4e9c',
    colorError: '#cf1322',
    // Ant Design's default greys fail WCAG AA contrast on white; these pass (axe checks it).
    colorTextSecondary: '#4b5563',
    colorTextDescription: '#4b5563',
    colorTextTertiary: '#4b5563',
    colorTextPlaceholder: '#6b7280',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", sans-serif',
  },
};

export function App() {
  const { lang } = useI18n();
  const navigate = useNavigate();
  const [session, setSession] = useState<Session | null>(loadSession);

  useEffect(() => {
    dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    whenUnauthorized(() => {
      setSession(null);
      void navigate('/login');
    });
  }, [navigate]);

  const login = (s: Session) => {
    saveSession(s);
    setSession(s);
    void navigate('/');
  };
  const logout = () => {
    saveSession(null);
    setSession(null);
    void navigate('/login');
  };

  return (
    <ConfigProvider locale={lang === 'en-US' ? (antdEnglish() ?? zhCN) : zhCN} theme={THEME}>
      <AntApp>
        {session ? (
          <Shell session={session} onLogout={logout}>
            <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: 48 }} />}>
              <Routes>
                <Route
                  path="/"
                  element={
                    session.user.role === 'volunteer' ? (
                      <ReportFormPage session={session} />
                    ) : (
                      <QueuePage session={session} />
                    )
                  }
                />
                <Route path="/open" element={<OpenDisputePage session={session} />} />
                <Route path="/cases/:id" element={<CasePage />} />
                <Route path="/inbox" element={<InboxPage />} />
                <Route path="/dashboard" element={<DashboardPage session={session} />} />
                <Route path="/admin" element={<AdminPage session={session} />} />
                <Route path="/office/:tab?" element={<OfficePage session={session} />} />
                <Route path="/reports/new" element={<ReportFormPage session={session} />} />
                <Route path="/reports" element={<ReportsPage session={session} />} />
                <Route path="/team" element={<TeamPage session={session} />} />
                <Route path="/map" element={<MapPage session={session} />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </Shell>
        ) : (
          <Routes>
            <Route path="*" element={<LoginPage onLogin={login} />} />
          </Routes>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
