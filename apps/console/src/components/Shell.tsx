import {
  AuditOutlined,
  BarChartOutlined,
  AlertOutlined,
  BellOutlined,
  EllipsisOutlined,
  EnvironmentOutlined,
  SolutionOutlined,
  FormOutlined,
  LogoutOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, ConfigProvider, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
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

  const entries = (
    [
      access.queue && {
        key: '/',
        icon: <UnorderedListOutlined />,
        text: session.user.role === 'grid_worker' ? t('nav.queue.grid') : t('nav.queue'),
      },
      access.open && { key: '/open', icon: <FormOutlined />, text: t('nav.open') },
      access.police.file && {
        key: '/reports/new',
        icon: <AlertOutlined />,
        text: t('nav.reports'),
      },
      access.police.queue && {
        key: '/reports',
        icon: <AlertOutlined />,
        text: t('nav.reports.queue'),
      },
      {
        key: '/inbox',
        icon: <BellOutlined />,
        text: t('nav.inbox'),
        badge: inbox.data?.unread ?? 0,
      },
      access.police.team && { key: '/team', icon: <SolutionOutlined />, text: t('nav.team') },
      access.police.map && { key: '/map', icon: <EnvironmentOutlined />, text: t('nav.map') },
      access.dashboard && {
        key: '/dashboard',
        icon: <BarChartOutlined />,
        text: t('nav.dashboard'),
      },
      Object.values(access.office).some(Boolean) && {
        key: '/office',
        icon: <AuditOutlined />,
        text: t('nav.office'),
      },
      access.admin && { key: '/admin', icon: <TeamOutlined />, text: t('nav.admin') },
    ] as (NavEntry | false)[]
  ).filter((x): x is NavEntry => Boolean(x));
  const items = entries.map((e) => ({
    key: e.key,
    icon: e.icon,
    label: (
      <Link to={e.key}>
        {e.text}
        {e.badge !== undefined && (
          <Badge count={e.badge} size="small" style={{ marginLeft: 6, boxShadow: 'none' }} />
        )}
      </Link>
    ),
  }));
  // At desk width every page is in the bar while it fits on one line (a supervisor's eight in
  // Chinese at 1440 px); where they do not (English, a narrower screen) the last ones move into
  // a "more" menu, one at a time until the bar fits, measured after layout.
  const bar = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(items.length);
  const width = useWindowWidth();
  useLayoutEffect(() => setShown(items.length), [items.length, lang, width]);
  useLayoutEffect(() => {
    const row = [...(bar.current?.querySelectorAll<HTMLElement>('ul > li') ?? [])];
    if (shown > 1 && row.some((li) => li.offsetTop > row[0].offsetTop)) {
      setShown(shown - 1);
    }
  });
  const barItems =
    shown >= items.length
      ? items
      : [
          ...items.slice(0, shown - 1),
          {
            key: 'more',
            icon: <EllipsisOutlined />,
            label: t('nav.more'),
            children: items.slice(shown - 1),
          },
        ];
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
          <div ref={bar} style={{ flex: 1, minWidth: 0 }}>
            <Menu
              theme="dark"
              mode="horizontal"
              // Ant Design's own overflow menu would keep hidden, focusable copies of the items
              // (axe: aria-hidden-focus): the "more" menu above is built instead.
              disabledOverflow
              selectedKeys={selected}
              items={barItems}
              style={{ background: 'transparent' }}
            />
          </div>
        )}
        <ConfigProvider theme={{ components: { Button: HEADER_BUTTONS } }}>
          <Space style={{ marginLeft: 'auto' }} size={phone ? 4 : 12}>
            {!phone && (
              <Typography.Text style={{ color: '#dbe7ff' }}>
                {session.user.displayName} · {labelOf(t, 'role', session.user.role)}
              </Typography.Text>
            )}
            <Button
              size="small"
              ghost
              onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}
            >
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
        </ConfigProvider>
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
      {phone && <PhoneNav entries={entries} selected={selected} label={t('app.title')} />}
    </Layout>
  );
}

/**
 * The header's ghost buttons sit on the dark blue bar: Ant Design's hover colour is the primary
 * blue, which all but vanished there. They stay white, brighter on hover.
 */
const HEADER_BUTTONS = {
  defaultGhostColor: '#ffffff',
  defaultGhostBorderColor: 'rgba(255, 255, 255, 0.75)',
  defaultHoverColor: '#ffffff',
  defaultHoverBorderColor: '#ffffff',
  defaultActiveColor: '#dbe7ff',
  defaultActiveBorderColor: '#dbe7ff',
};

interface NavEntry {
  key: string;
  icon: ReactNode;
  text: string;
  badge?: number;
}

/** A phone's bottom bar holds five entries at 390 px; the rest open from 更多. */
const PHONE_SLOTS = 5;

function PhoneNav({
  entries,
  selected,
  label,
}: {
  entries: NavEntry[];
  selected: string[];
  label: string;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const [moreOpen, setMoreOpen] = useState(false);
  useEffect(() => setMoreOpen(false), [location.pathname]);
  const overflow = entries.length > PHONE_SLOTS;
  const shown = overflow ? entries.slice(0, PHONE_SLOTS - 1) : entries;
  const rest = overflow ? entries.slice(PHONE_SLOTS - 1) : [];
  const restSelected = rest.some((e) => selected.includes(e.key));
  const colour = (on: boolean) => (on ? '#1f4e9c' : '#4b5563');
  const cell = {
    flex: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: 2,
    minHeight: 56,
    fontSize: 12,
    lineHeight: 1.2,
    background: 'none',
    border: 'none',
    padding: '6px 2px',
  } as const;

  return (
    <nav
      aria-label={label}
      style={{
        position: 'fixed',
        bottom: 0,
        left: 0,
        right: 0,
        background: '#fff',
        borderTop: '1px solid #e5e7eb',
        zIndex: 10,
      }}
    >
      {moreOpen && (
        <ul
          id="phone-nav-more"
          style={{
            listStyle: 'none',
            margin: 0,
            padding: '4px 0',
            borderBottom: '1px solid #e5e7eb',
            boxShadow: '0 -6px 16px rgba(0,0,0,0.08)',
          }}
        >
          {rest.map((e) => (
            <li key={e.key}>
              <Link
                to={e.key}
                aria-current={selected.includes(e.key) ? 'page' : undefined}
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 12,
                  padding: '12px 20px',
                  fontSize: 15,
                  color: colour(selected.includes(e.key)),
                }}
              >
                {e.icon}
                {e.text}
                {e.badge ? <Badge count={e.badge} size="small" /> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div style={{ display: 'flex' }}>
        {shown.map((e) => (
          <Link
            key={e.key}
            to={e.key}
            aria-current={selected.includes(e.key) ? 'page' : undefined}
            style={{ ...cell, color: colour(selected.includes(e.key)) }}
          >
            <Badge count={e.badge ?? 0} size="small" offset={[6, 0]}>
              <span style={{ fontSize: 18, color: colour(selected.includes(e.key)) }}>
                {e.icon}
              </span>
            </Badge>
            {e.text}
          </Link>
        ))}
        {overflow && (
          <button
            type="button"
            aria-expanded={moreOpen}
            aria-controls="phone-nav-more"
            onClick={() => setMoreOpen((open) => !open)}
            style={{ ...cell, color: colour(restSelected || moreOpen), cursor: 'pointer' }}
          >
            <span style={{ fontSize: 18 }}>
              <EllipsisOutlined />
            </span>
            {t('nav.more')}
          </button>
        )}
      </div>
    </nav>
  );
}

/** The window's inner width, kept current on resize. */
function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
