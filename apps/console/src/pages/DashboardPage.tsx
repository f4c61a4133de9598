import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  DatePicker,
  Progress,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { call, http } from '../api/client';
import type { Session } from '../api/session';
import type { Settlement, Tier } from '../api/types';
import { TIER_COLOR, TierTag } from '../components/labels';
import { useI18n } from '../i18n/i18n';
import { errorText } from './errors';

// ECharts is its own chunk, loaded with the dashboard only.
const StatsCharts = lazy(() => import('../police/StatsCharts'));
const TIERS: Tier[] = ['blue', 'yellow', 'red'];
const pct = (share: number | null) => (share === null ? 0 : Math.round(share * 1000) / 10);

export default function DashboardPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const unit = session.user.role === 'admin' ? undefined : (session.user.unitCode ?? undefined);
  const stats = useQuery({
    queryKey: ['stats', unit, range?.[0]?.toISOString(), range?.[1]?.toISOString()],
    queryFn: () =>
      call(
        http.GET('/stats', {
          params: {
            query: { unit, from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() },
          },
        }),
      ),
  });
  const s = stats.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Space>
          {t('dashboard.period')}
          <DatePicker.RangePicker onChange={(v) => setRange(v)} />
        </Space>
      </Space>
      {stats.error && <Alert type="error" showIcon message={errorText(t, stats.error)} />}
      <Card loading={stats.isLoading}>
        <Row gutter={[24, 24]} align="middle">
          <Col xs={24} md={8} style={{ textAlign: 'center' }}>
            <Progress
              aria-label={t('nav.dashboard')}
              status="normal"
              type="dashboard"
              percent={pct(s?.settled.atTier.blue.share ?? null)}
              strokeColor={TIER_COLOR.blue}
            />
            <Typography.Title level={3} style={{ fontSize: 18 }}>
              {t('dashboard.headline', { share: `${pct(s?.settled.atTier.blue.share ?? null)}%` })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('common.all')} value={s?.total ?? 0} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('status.closed')} value={s?.closed ?? 0} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('outcome.resolved')} value={s?.settled.resolved ?? 0} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('dashboard.overdue')}
              value={s?.overdue ?? 0}
              valueStyle={{ color: '#cf1322' }}
            />
          </Col>
        </Row>
      </Card>
      {s && (
        <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
          <StatsCharts stats={s} />
        </Suspense>
      )}
      <Card title={t('dashboard.byTier')} loading={stats.isLoading}>
        <Table
          rowKey="tier"
          pagination={false}
          scroll={{ x: true }}
          dataSource={TIERS.map((tier) => ({
            tier,
            ...s?.byTier[tier],
            settled: s?.settled.atTier[tier],
            time: s?.timePerTier[tier],
          }))}
          columns={[
            {
              title: t('queue.col.tier'),
              dataIndex: 'tier',
              render: (v: Tier) => <TierTag tier={v} />,
            },
            { title: t('common.all'), dataIndex: 'total' },
            { title: t('dashboard.open'), dataIndex: 'open' },
            { title: t('status.closed'), dataIndex: 'closed' },
            { title: t('dashboard.overdue'), dataIndex: 'overdue' },
            {
              title: t('outcome.resolved'),
              dataIndex: 'settled',
              render: (v?: Settlement) =>
                v ? (
                  <Progress
                    aria-label={t('outcome.resolved')}
                    status="normal"
                    percent={pct(v.share)}
                    size="small"
                    format={() => `${v.count}（${pct(v.share)}%）`}
                  />
                ) : null,
            },
            {
              title: t('dashboard.median'),
              dataIndex: 'time',
              render: (v?: { medianHours: number | null }) =>
                v?.medianHours == null ? '—' : t('time.hours', { n: Math.round(v.medianHours) }),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
