import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Grid,
  Input,
  List,
  Segmented,
  Space,
  Spin,
  Switch,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, http } from '../api/client';
import type { Session } from '../api/session';
import type { Dispute, DisputeListQuery } from '../api/types';
import { Countdown, StatusTag, TIER_COLOR, TierTag } from '../components/labels';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { errorText } from './errors';
import { usePlaceNames } from '../api/place-names';

// The desk's table (and its pagination) stays off the phone's first page.
const QueueTable = lazy(() => import('./QueueTable'));

interface Tab {
  key: string;
  label: MessageKey;
  status?: DisputeListQuery['status'];
  tier?: DisputeListQuery['tier'];
  overdue?: boolean;
}

/** Each role's queue opens on the work waiting for it (DESIGN §4). */
function tabsFor(role: string): Tab[] {
  const all: Tab = { key: 'all', label: 'common.all' };
  switch (role) {
    case 'judicial_officer':
    case 'lawyer':
      return [
        {
          key: 'accept',
          label: 'status.yellow.awaitingAcceptance',
          status: 'yellow.awaitingAcceptance',
        },
        { key: 'review', label: 'status.yellow.jointReview', status: 'yellow.jointReview' },
        {
          key: 'confirm',
          label: 'status.agreed.judicialConfirmation',
          status: 'agreed.judicialConfirmation',
        },
        all,
      ];
    case 'panel_member':
      return [
        { key: 'convene', label: 'status.red.convening', status: 'red.convening' },
        { key: 'panel', label: 'status.red.panelMediation', status: 'red.panelMediation' },
        all,
      ];
    case 'supervisor':
      return [
        { key: 'overdue', label: 'queue.filter.overdue', overdue: true },
        { key: 'red', label: 'tier.red', tier: 'red' },
        all,
      ];
    default:
      return [all];
  }
}

const byDeadline = (a: Dispute, b: Dispute) => {
  // Overdue first, then the soonest deadline; cases with no running clock last.
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.nextDeadlineAt ? Date.parse(a.nextDeadlineAt) : Infinity;
  const db = b.nextDeadlineAt ? Date.parse(b.nextDeadlineAt) : Infinity;
  return da - db;
};

export default function QueuePage({ session }: { session: Session }) {
  const { t } = useI18n();
  const placeName = usePlaceNames();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const tabs = tabsFor(session.user.role);
  const [tabKey, setTabKey] = useState(tabs[0].key);
  const [text, setText] = useState('');
  const [openOnly, setOpenOnly] = useState(true);
  const tab = tabs.find((x) => x.key === tabKey) ?? tabs[0];

  const list = useQuery({
    queryKey: ['disputes', tab.key, text, openOnly],
    queryFn: () =>
      call(
        http.GET('/disputes', {
          params: {
            query: {
              status: tab.status,
              tier: tab.tier,
              overdue: tab.overdue,
              text: text.trim().length >= 2 ? text.trim() : undefined,
              pageSize: 100,
            },
          },
        }),
      ),
    refetchInterval: 30_000,
  });
  const items = (list.data?.items ?? [])
    .filter((d) => !openOnly || d.status !== 'closed')
    .sort(byDeadline);

  const header = (
    <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: phone ? 20 : 22 }}>
        {session.user.role === 'grid_worker' ? t('nav.queue.grid') : t('queue.title')}
      </Typography.Title>
      <Space wrap>
        {tabs.length > 1 && (
          <Segmented
            value={tabKey}
            onChange={(v) => setTabKey(String(v))}
            options={tabs.map((x) => ({ value: x.key, label: t(x.label) }))}
          />
        )}
        <Input.Search
          allowClear
          placeholder={t('queue.search')}
          onSearch={setText}
          style={{ width: phone ? '100%' : 220 }}
          aria-label={t('queue.search')}
        />
        <label style={{ whiteSpace: 'nowrap' }}>
          <Switch size="small" checked={openOnly} onChange={setOpenOnly} /> {t('queue.filter.open')}
        </label>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void list.refetch()}
          aria-label={t('common.refresh')}
        />
        {session.user.role === 'grid_worker' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/open')}>
            {t('nav.open')}
          </Button>
        )}
      </Space>
    </Space>
  );

  if (list.error) {
    return (
      <>
        {header}
        <Alert
          type="error"
          showIcon
          message={errorText(t, list.error)}
          action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
        />
      </>
    );
  }

  if (phone) {
    return (
      <>
        {header}
        <List
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('queue.empty')} /> }}
          renderItem={(d) => (
            <Link
              to={`/cases/${d.id}`}
              style={{ display: 'block', marginBottom: 10 }}
              aria-label={d.title}
            >
              <Card
                size="small"
                style={{ borderLeft: `6px solid ${TIER_COLOR[d.tier]}` }}
                hoverable
              >
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {d.title}
                    </Typography.Text>
                    <TierTag tier={d.tier} />
                  </Space>
                  <Space wrap size={8}>
                    <StatusTag status={d.status} outcome={d.outcome} />
                    <Countdown dueAt={d.nextDeadlineAt} status={d.status} overdue={d.overdue} />
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.reference} · {placeName(d.gridCode)}
                  </Typography.Text>
                </Space>
              </Card>
            </Link>
          )}
        />
      </>
    );
  }

  return (
    <>
      {header}
      <Suspense fallback={<Spin />}>
        <QueueTable items={items} loading={list.isLoading} />
      </Suspense>
    </>
  );
}
