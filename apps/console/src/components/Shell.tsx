import {
  AuditOutlined,
  BarChartOutlined,
  AlertOutlined,
  BellOutlined,
  EnvironmentOutlined,
  SolutionOutlined,
  FormOutlined,
  LogoutOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { accessFor } from '../access';
import { call, http, NetworkError } from '../api/client';
import type { Session } from '../api/session';
import { labelOf, useI18n } from '../i18n/i18n';

export function Shell({
  session,
  onLogout,
  children,
}: {
  session: Session;
  onLogout: () => void;
  children: ReactNode;
}) {
  const { t, lang, setLang } = useI18n();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const access = accessFor(session.user.role);
  const inbox = useQuery({
    queryKey: ['inbox', 'badge'],
    queryFn: () =>
      call(http.GET('/me/notifications', { params: { query: { unread: true, pageSize: 1 } } })),
    refetchInterval: 15_000,
  });
  const offline = inbox.error instanceof NetworkError;

  const items = [
    access.queue && {
      key: '/',
      icon: <UnorderedListOutlined />,
      label: (
        <Link to="/">
          {session.user.role === 'grid_worker' ? t('nav.queue.grid') : t('nav.queue')}
        </Link>
      ),
    },
    access.open && {
      key: '/open',
      icon: <FormOutlined />,
      label: <Link to="/open">{t('nav.open')}</Link>,
    },
    access.police.file && {
      key: '/reports/new',
      icon: <AlertOutlined />,
      label: <Link to="/reports/new">{t('nav.reports')}</Link>,
    },
    access.police.queue && {
      key: '/reports',
      icon: <AlertOutlined />,
      label: <Link to="/reports">{t('nav.reports.queue')}</Link>,
    },
    {
      key: '/inbox',
      icon: <BellOutlined />,
      label: (
        <Link to="/inbox">
          {t('nav.inbox')}
          <Badge
            count={inbox.data?.unread ?? 0}
            size="small"
            style={{ marginLeft: 6, boxShadow: 'none' }}
          />
        </Link>
      ),
    },
    access.police.team && {
      key: '/team',
      icon: <SolutionOutlined />,
      label: <Link to="/team">{t('nav.team')}</Link>,
    },
    access.police.map && {
      key: '/map',
      icon: <EnvironmentOutlined />,
      label: <Link to="/map">{t('nav.map')}</Link>,
    },
    access.dashboard && {
      key: '/dashboard',
      icon: <BarChartOutlined />,
      label: <Link to="/dashboard">{t('nav.dashboard')}</Link>,
    },
    Object.values(access.office).some(Boolean) && {
      key: '/office',
      icon: <AuditOutlined />,
      label: <Link to="/office">{t('nav.office')}</Link>,
    },
    access.admin && {
      key: '/admin',
      icon: <TeamOutlined />,
      label: <Link to="/admin">{t('nav.admin')}</Link>,
    },
  ].filter((x): x is Exclude<typeof x, false> => Boolean(x));
  const selected = items
    .map((i) => i.key)
    .filter((k) => k === location.pathname || (k !== '/' && location.pathname.startsWith(k)));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: phone ? 12 : 24,
          background: '#1f4e9c',
        }}
      >
        <Link
          to="/"
          style={{
            color: '#fff',
            fontWeight: 600,
            fontSize: phone ? 16 : 18,
            whiteSpace: 'nowrap',
          }}
        >
          <span aria-hidden style={{ letterSpacing: -2, marginRight: 8 }}>
            <span style={{ color: '#69b1ff' }}>●</span>
            <span style={{ color: '#ffd666' }}>●</span>
            <span style={{ color: '#ff7875' }}>●</span>
          </span>
          {t('app.title')}
        </Link>
        {!phone && (
          <Menu
            theme="dark"
            mode="horizontal"
            // A supervisor's eight pages fit at desk width; Ant Design's overflow menu would
            // keep hidden, focusable copies of the items (axe: aria-hidden-focus).
            disabledOverflow
            selectedKeys={selected}
            items={items}
            style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          />
        )}
        <Space style={{ marginLeft: 'auto' }} size={phone ? 4 : 12}>
          {!phone && (
            <Typography.Text style={{ color: '#dbe7ff' }}>
              {session.user.displayName} · {labelOf(t, 'role', session.user.role)}
            </Typography.Text>
          )}
          <Button size="small" ghost onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}>
            {t('lang.switch')}
          </Button>
          <Button
            size="small"
            ghost
            icon={<LogoutOutlined />}
            onClick={onLogout}
            aria-label={t('nav.logout')}
          >
            {phone ? null : t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      {offline && <Alert type="warning" banner message={t('error.network')} />}
      <Layout.Content
        style={{
          padding: phone ? '12px 12px 76px' : 24,
          maxWidth: 1440,
          width: '100%',
          margin: '0 auto',
        }}
      >
        {children}
      </Layout.Content>
      {phone && (
        <nav
          aria-label={t('app.title')}
          style={{
            position: 'fixed',
            bottom: 0,
            left: 0,
            right: 0,
            display: 'flex',
            background: '#fff',
            borderTop: '1px solid #e5e7eb',
            zIndex: 10,
          }}
        >
          {items.map((item) => (
            <div
              key={item.key}
              style={{ flex: 1, textAlign: 'center', padding: '10px 0', minHeight: 56 }}
            >
              <span
                style={{ color: selected.includes(item.key) ? '#1f4e9c' : '#4b5563', fontSize: 13 }}
              >
                {item.label}
              </span>
            </div>
          ))}
        </nav>
      )}
    </Layout>
  );
}
