import '../../office/messages';
import { AlertOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  List,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Session } from '../../api/session';
import { Countdown, formatTime, TierTag } from '../../components/labels';
import { labelOf, useI18n } from '../../i18n/i18n';
import { SuperviseModal } from '../../office/NextPanel';
import { call, http } from '../../api/client';
import type { WatchedCase } from '../../office/types';
import { UnitPicker, useUnits } from '../../office/UnitPicker';
import { errorText } from '../errors';
import { ToneTag } from '../../office/tone';

/** 督办: what is about to breach in the caller's street, what is overdue, and pressing on it. */
export default function SupervisionPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const units = useUnits(session, ['street', 'community', 'grid']);
  const [unit, setUnit] = useState<string | undefined>(session.user.unitCode ?? undefined);
  const [pressing, setPressing] = useState<WatchedCase | null>(null);
  const chosen = unit ?? units[0]?.code;
  const watch = useQuery({
    queryKey: ['supervision', chosen],
    queryFn: () => call(http.GET('/supervision', { params: { query: { unit: chosen } } })),
    enabled: chosen !== undefined,
    refetchInterval: 60_000,
  });
  const data = watch.data;
  const cases = data?.cases ?? [];
  const atRisk = cases.filter((c) => c.risk === 'at_risk').length;
  const overdue = cases.filter((c) => c.risk === 'overdue').length;
  const unanswered = cases.reduce((n, c) => n + c.openNotices, 0);
  const nameOf = (code: string) => units.find((u) => u.code === code)?.name ?? code;

  const left = (c: WatchedCase) => {
    // The bar fills as the time limit is used up (a full bar is a breach), which reads at a
    // glance; the share of time left is what the intro's threshold speaks of.
    const share = Math.min(100, Math.max(0, 100 - Math.round(c.deadline.shareLeft * 100)));
    return (
      <Space direction="vertical" size={0} style={{ minWidth: 140 }}>
        <Progress
          percent={share}
          size="small"
          showInfo={false}
          strokeColor={c.risk === 'overdue' ? '#cf1322' : '#d46b08'}
          aria-label={t('supervision.col.left')}
        />
        <Typography.Text style={{ fontSize: 12 }}>
          {t(
            c.deadline.countedIn === 'working_time'
              ? 'supervision.left.working'
              : 'supervision.left.calendar',
            { share },
          )}
        </Typography.Text>
      </Space>
    );
  };
  const riskTag = (c: WatchedCase) =>
    c.risk === 'overdue' ? (
      <ToneTag tone="danger">{t('supervision.overdue')}</ToneTag>
    ) : (
      <ToneTag tone="warn">{t('supervision.atRisk')}</ToneTag>
    );
  const press = (c: WatchedCase) => (
    <Button size="small" danger icon={<AlertOutlined />} onClick={() => setPressing(c)}>
      {t('supervise.press')}
    </Button>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('supervision.title')}
        </Typography.Title>
        <Space wrap>
          <UnitPicker units={units} value={chosen} onChange={setUnit} />
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            onClick={() => void watch.refetch()}
          />
        </Space>
      </Space>
      <Typography.Text type="secondary">
        {t('supervision.intro', { share: Math.round((data?.share ?? 0.2) * 100) })}
      </Typography.Text>
      {watch.error && <Alert type="error" showIcon message={errorText(t, watch.error)} />}
      <Row gutter={[12, 12]}>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('supervision.atRisk')}
              value={atRisk}
              valueStyle={{ color: '#ad4e00' }}
            />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic
              title={t('supervision.overdue')}
              value={overdue}
              valueStyle={{ color: '#cf1322' }}
            />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('supervision.noticesOpen')} value={unanswered} />
          </Card>
        </Col>
      </Row>
      {data?.truncated && <Alert type="info" message={t('supervision.truncated')} />}
      {phone ? (
        <List
          loading={watch.isLoading}
          dataSource={cases}
          locale={{ emptyText: <Empty description={t('supervision.empty')} /> }}
          renderItem={(c) => (
            <Card size="small" style={{ marginBottom: 8 }}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <TierTag tier={c.tier} />
                  {riskTag(c)}
                  <Typography.Text type="secondary">{c.reference}</Typography.Text>
                </Space>
                <Link to={`/cases/${c.id}`}>{c.title}</Link>
                <span>
                  {labelOf(t, 'status', c.status)} · {nameOf(c.gridCode)}
                </span>
                {c.deadline.dueAt && (
                  <span>
                    {formatTime(c.deadline.dueAt)}（
                    <Countdown
                      dueAt={c.deadline.dueAt}
                      status={c.status}
                      overdue={c.risk === 'overdue'}
                    />
                    ）
                  </span>
                )}
                {left(c)}
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <span>
                    {c.openNotices > 0 && t('supervision.notices.count', { n: c.openNotices })}
                  </span>
                  {press(c)}
                </Space>
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<WatchedCase>
          rowKey="id"
          loading={watch.isLoading}
          dataSource={cases}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('supervision.empty')} /> }}
          columns={[
            {
              title: t('supervision.col.case'),
              key: 'case',
              render: (_v, c) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/cases/${c.id}`}>{c.title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.reference} · {nameOf(c.gridCode)} · {labelOf(t, 'status', c.status)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('queue.col.tier'),
              dataIndex: 'tier',
              render: (_v, c) => <TierTag tier={c.tier} />,
            },
            { title: t('supervision.col.risk'), key: 'risk', render: (_v, c) => riskTag(c) },
            {
              title: t('supervision.col.due'),
              key: 'due',
              render: (_v, c) =>
                c.deadline.dueAt ? (
                  <Space direction="vertical" size={0}>
                    <span>{formatTime(c.deadline.dueAt)}</span>
                    <Countdown
                      dueAt={c.deadline.dueAt}
                      status={c.status}
                      overdue={c.risk === 'overdue'}
                    />
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: t('supervision.col.left'), key: 'left', render: (_v, c) => left(c) },
            {
              title: t('supervision.col.notices'),
              key: 'notices',
              render: (_v, c) => (
                <Space>
                  {c.openNotices > 0 && (
                    <ToneTag tone="warn">
                      {t('supervision.notices.count', { n: c.openNotices })}
                    </ToneTag>
                  )}
                  {press(c)}
                </Space>
              ),
            },
          ]}
        />
      )}
      {(data?.units.length ?? 0) > 1 && (
        <Card size="small" title={t('supervision.byUnit')}>
          <Table
            size="small"
            rowKey="unitCode"
            pagination={false}
            dataSource={data?.units ?? []}
            columns={[
              {
                title: t('office.unit'),
                dataIndex: 'unitCode',
                render: (v: string) => nameOf(v),
              },
              { title: t('supervision.atRisk'), dataIndex: 'atRisk' },
              { title: t('supervision.overdue'), dataIndex: 'overdue' },
            ]}
          />
        </Card>
      )}
      {pressing && (
        <SuperviseModal
          disputeId={pressing.id}
          title={pressing.title}
          open
          onClose={() => setPressing(null)}
        />
      )}
    </Space>
  );
}
