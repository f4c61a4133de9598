import { CheckCircleTwoTone, CloseCircleTwoTone, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Result,
  Row,
  Skeleton,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, call, http } from '../api/client';
import type { Dispute, DisputeEvent } from '../api/types';
import { EventFields, toEventBody } from '../components/EventForm';
import { CaseLawSummary, PartyName } from '../components/LawIntakeFields';
import { Countdown, formatTime, StatusTag, TIER_COLOR, TierTag } from '../components/labels';
import { labelOf, useI18n } from '../i18n/i18n';
import { CaseFilePanel } from '../office/CaseFilePanel';
import { NextPanel } from '../office/NextPanel';
import { errorText } from './errors';
import { usePlaceNames } from '../api/place-names';

// The statechart picture is its own chunk, fetched once a case is on screen.
const StatechartDiagram = lazy(() => import('../diagram/StatechartDiagram'));

/** The main path every case walks (DESIGN §3); the case's own path is highlighted on it. */
const MAIN_PATH = ['blue', 'yellow', 'red', 'agreed', 'followUp', 'closed'] as const;
// Text and background that pass WCAG AA contrast.
const TIMER_STYLE: Record<string, { color: string; background: string }> = {
  scheduled: { color: '#003eb3', background: '#e6f4ff' },
  fired: { color: '#135200', background: '#f6ffed' },
  cancelled: { color: '#434343', background: '#f5f5f5' },
};

const stageOf = (status: string) => status.split('.')[0] ?? status;

export default function CasePage() {
  const placeName = usePlaceNames();
  const { id = '' } = useParams();
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const desk = screens.lg;
  // A phone lists each party as a block: four table columns squeezed names onto two lines.
  const narrow = !screens.md;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [acting, setActing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const path = { params: { path: { id } } };
  const dispute = useQuery({
    queryKey: ['dispute', id],
    queryFn: () => call(http.GET('/disputes/{id}', path)),
  });
  const allowed = useQuery({
    queryKey: ['dispute', id, 'allowed'],
    queryFn: () => call(http.GET('/disputes/{id}/allowed-events', path)),
  });
  const trail = useQuery({
    queryKey: ['dispute', id, 'events'],
    queryFn: () => call(http.GET('/disputes/{id}/events', path)),
  });
  const verdict = useQuery({
    queryKey: ['dispute', id, 'verify'],
    queryFn: () => call(http.GET('/disputes/{id}/audit/verify', path)),
  });
  const timers = useQuery({
    queryKey: ['dispute', id, 'timers'],
    queryFn: () => call(http.GET('/disputes/{id}/timers', path)),
  });
  const candidates = useQuery({
    queryKey: ['dispute', id, 'candidates'],
    queryFn: () => call(http.GET('/disputes/{id}/candidates', path)),
    enabled: acting === 'ACCEPT' || acting === 'CONVENE_PANEL' || acting === 'REPLACE_MEDIATOR',
  });

  const send = useMutation({
    mutationFn: (event: DisputeEvent) =>
      call(
        http.POST('/disputes/{id}/events', {
          ...path,
          body: { ...event, expectedVersion: dispute.data?.version },
        }),
      ),
    onSuccess: (_d, body) => {
      void message.success(t('case.sent', { event: labelOf(t, 'event', body.type) }));
      setActing(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['dispute', id] });
      void queryClient.invalidateQueries({ queryKey: ['disputes'] });
    },
    onError: (error) => {
      setActionError(errorText(t, error));
      // Someone else moved the case: show them what it is now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) {
        void queryClient.invalidateQueries({ queryKey: ['dispute', id] });
      }
    },
  });

  if (dispute.error) {
    return (
      <Result
        status={
          dispute.error instanceof ApiError && dispute.error.status === 404 ? '404' : 'warning'
        }
        title={errorText(t, dispute.error)}
        extra={<Link to="/">{t('common.back')}</Link>}
      />
    );
  }
  const d = dispute.data;
  if (!d) return <Card loading />;

  const masked = d.parties.some(
    (p) => (p.phone ?? '').includes('*') || (p.idNumber ?? '').includes('*'),
  );
  const events = allowed.data?.events ?? [];
  const may = events.filter((e) => e.allowed);
  const refused = events.filter(
    (e) => !e.allowed && e.reason && !/^.* is not possible in /.test(e.reason),
  );
  const visited = new Set((trail.data ?? []).map((r) => stageOf(r.toStatus)));
  const current = stageOf(d.status);
  const dangerous = new Set([
    'WITHDRAW',
    'TRANSFER',
    'RECORD_REFUSAL',
    'REFER_TO_LITIGATION',
    'EMERGENCY_ESCALATE',
  ]);

  const header = (
    <Card style={{ borderTop: `6px solid ${TIER_COLOR[d.tier]}` }}>
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap>
          <TierTag tier={d.tier} />
          <StatusTag status={d.status} outcome={d.outcome} />
          {d.overdue && <Tag color="red">{t('notification.overdue')}</Tag>}
          <Typography.Text type="secondary">{d.reference}</Typography.Text>
        </Space>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {d.title}
        </Typography.Title>
        <Space wrap size={16}>
          <span>
            {t('case.deadline')}：
            <Countdown dueAt={d.nextDeadlineAt} status={d.status} overdue={d.overdue} />
          </span>
          <span>{labelOf(t, 'tier', `${d.tier}.who`)}</span>
          <Typography.Text type="secondary">
            {t('case.version', { version: d.version })}
          </Typography.Text>
        </Space>
        <Steps
          size="small"
          responsive={false}
          progressDot={!desk}
          labelPlacement={desk ? 'horizontal' : 'vertical'}
          style={{ marginTop: 8, overflowX: 'auto' }}
          current={MAIN_PATH.findIndex(
            (stage) =>
              stage === (current === 'suspended' ? stageOf(d.suspendedFrom ?? 'blue') : current),
          )}
          items={MAIN_PATH.map((stage) => ({
            title:
              stage === 'blue' || stage === 'yellow' || stage === 'red'
                ? labelOf(t, 'tier', stage)
                : labelOf(t, 'status', stage),
            status: stage === current ? 'process' : visited.has(stage) ? 'finish' : 'wait',
          }))}
        />
      </Space>
    </Card>
  );

  const actions = (
    <Card
      title={t('case.actions')}
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={() => void queryClient.invalidateQueries({ queryKey: ['dispute', id] })}
          aria-label={t('common.refresh')}
        />
      }
    >
      {may.length === 0 && (
        <Typography.Text type="secondary">{t('case.actions.none')}</Typography.Text>
      )}
      <Space wrap>
        {may.map((e) => (
          <Button
            key={e.type}
            size="large"
            type={dangerous.has(e.type) ? 'default' : 'primary'}
            danger={dangerous.has(e.type)}
            onClick={() => {
              setActionError(null);
              form.resetFields();
              setActing(e.type);
            }}
          >
            {labelOf(t, 'event', e.type)}
          </Button>
        ))}
      </Space>
      {refused.length > 0 && (
        <details style={{ marginTop: 12 }}>
          <summary style={{ cursor: 'pointer', color: '#4b5563' }}>
            {t('case.refused')}（{refused.length}）
          </summary>
          <Space direction="vertical" style={{ marginTop: 8 }}>
            {refused.map((e) => (
              <Tooltip key={e.type} title={e.reason}>
                <Space>
                  <Button disabled size="small">
                    {labelOf(t, 'event', e.type)}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.reason}
                  </Typography.Text>
                </Space>
              </Tooltip>
            ))}
          </Space>
        </details>
      )}
    </Card>
  );

  const parties = (
    <Card
      title={t('case.parties')}
      extra={masked ? <Typography.Text type="secondary">{t('case.masked')}</Typography.Text> : null}
    >
      {narrow ? (
        <ul aria-label={t('case.parties')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {d.parties.map((p, i) => (
            <li
              key={p.id}
              style={{
                padding: '8px 0',
                borderTop: i === 0 ? 'none' : '1px solid #f0f0f0',
              }}
            >
              <Space size={8} wrap>
                <Typography.Text strong>
                  <PartyName party={p} />
                </Typography.Text>
                <Tag bordered={false}>{labelOf(t, 'partyRole', p.role)}</Tag>
              </Space>
              {[
                [t('open.party.phone'), p.phone],
                [t('open.party.idNumber'), p.idNumber],
              ].map(([label, value]) =>
                value ? (
                  <div key={label} style={{ color: '#4b5563', fontSize: 13, marginTop: 2 }}>
                    {label}：<span style={{ color: '#1f2937' }}>{value}</span>
                  </div>
                ) : null,
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.parties}
          scroll={{ x: true }}
          columns={[
            {
              title: t('open.party.name'),
              dataIndex: 'name',
              render: (_v: string, p: Dispute['parties'][number]) => <PartyName party={p} />,
            },
            {
              title: t('open.party.role'),
              dataIndex: 'role',
              render: (v: string) => labelOf(t, 'partyRole', v),
            },
            { title: t('open.party.phone'), dataIndex: 'phone' },
            { title: t('open.party.idNumber'), dataIndex: 'idNumber' },
          ]}
        />
      )}
    </Card>
  );

  const facts = (
    <Card title={t('case.facts')}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        {d.description}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('open.field.category')}>
          {labelOf(t, 'category', d.category)}
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.col.grid')}>{placeName(d.gridCode)}</Descriptions.Item>
        <Descriptions.Item label={t('law.case.mediationType')}>
          <CaseLawSummary dispute={d} />
        </Descriptions.Item>
        {d.amount !== null && (
          <Descriptions.Item label={t('case.amount')}>
            ¥{d.amount.toLocaleString()}
          </Descriptions.Item>
        )}
        {d.riskAssessment && (
          <Descriptions.Item label={t('case.risk')}>
            <Space wrap>
              {t('open.triage.suggested', {
                tier: labelOf(t, 'tier', d.riskAssessment.suggestedTier),
              })}
              {d.riskAssessment.matched.map((m) => (
                <Tag key={m.code}>{labelOf(t, 'indicator', m.code)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        {d.agreement && (
          <Descriptions.Item label={t('case.agreement')}>{d.agreement.terms}</Descriptions.Item>
        )}
        {d.panel.length > 0 && (
          <Descriptions.Item label={t('case.panel')}>
            {d.panel.map((m) => labelOf(t, 'institution', m.institution)).join('、')}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );

  const timeline = (
    <Card
      title={t('case.timeline')}
      extra={
        verdict.data ? (
          verdict.data.intact ? (
            <Space>
              <CheckCircleTwoTone twoToneColor="#389e0d" />
              <Typography.Text style={{ color: '#237804' }}>
                {t('case.chain.ok', { count: verdict.data.records })}
              </Typography.Text>
            </Space>
          ) : (
            <Space>
              <CloseCircleTwoTone twoToneColor="#cf1322" />
              <Typography.Text type="danger">
                {t('case.chain.broken', {
                  seq: verdict.data.brokenAt?.seq ?? '?',
                  reason: verdict.data.brokenAt?.problem ?? '',
                })}
              </Typography.Text>
            </Space>
          )
        ) : null
      }
    >
      <Timeline
        items={(trail.data ?? []).map((r) => ({
          color: TIER_COLOR[r.toTier] ?? 'gray',
          children: (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{labelOf(t, 'event', r.type)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(r.at)} · {labelOf(t, 'role', r.actorRole)} ·{' '}
                {labelOf(t, 'status', r.toStatus)}
              </Typography.Text>
              {typeof r.payload.reason === 'string' && (
                <Typography.Text style={{ fontSize: 13 }}>{r.payload.reason}</Typography.Text>
              )}
            </Space>
          ),
        }))}
      />
    </Card>
  );

  const statechart = (
    <Card title={t('case.statechart')} styles={{ body: { paddingTop: 12 } }}>
      <Suspense fallback={<Skeleton active />}>
        <StatechartDiagram status={d.status} steps={trail.data ?? []} />
      </Suspense>
    </Card>
  );

  const timerTable = (
    <Card title={t('case.timers')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={timers.data ?? []}
        scroll={{ x: true }}
        columns={[
          {
            title: t('case.timer.kind'),
            dataIndex: 'kind',
            render: (v: string) => labelOf(t, 'timer.kind', v),
          },
          {
            title: t('case.timer.stage'),
            dataIndex: 'statePath',
            render: (v: string) => labelOf(t, 'status', v),
          },
          { title: t('case.deadline'), dataIndex: 'dueAt', render: (v: string) => formatTime(v) },
          {
            title: '',
            dataIndex: 'status',
            render: (v: string) => (
              <Tag bordered={false} style={TIMER_STYLE[v] ?? TIMER_STYLE.cancelled}>
                {labelOf(t, 'timer.state', v)}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {header}
      {/* At a desk the whole way of a case is seen first; on a phone, the work comes first. */}
      {desk && statechart}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {actions}
            <NextPanel disputeId={d.id} title={d.title} />
            {parties}
            {facts}
            <CaseFilePanel disputeId={d.id} reference={d.reference} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {timeline}
            {timerTable}
          </Space>
        </Col>
      </Row>
      {!desk && statechart}
      <Drawer
        open={acting !== null}
        onClose={() => setActing(null)}
        title={acting ? labelOf(t, 'event', acting) : ''}
        width={desk ? 520 : '100%'}
        destroyOnHidden
        aria-label={acting ? labelOf(t, 'event', acting) : t('case.actions')}
        extra={
          <Button type="primary" loading={send.isPending} onClick={() => form.submit()}>
            {t('common.submit')}
          </Button>
        }
      >
        {actionError && (
          <Alert
            type="error"
            showIcon
            message={actionError}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        {acting && (
          <Form
            form={form}
            layout="vertical"
            onFinish={(values: Record<string, unknown>) => {
              setActionError(null);
              send.mutate(toEventBody(acting, values));
            }}
          >
            <EventFields type={acting} dispute={d} candidates={candidates.data ?? []} form={form} />
          </Form>
        )}
      </Drawer>
    </Space>
  );
}
