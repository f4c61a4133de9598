import '../../police/messages';
import {
  EnvironmentOutlined,
  FileAddOutlined,
  PictureOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Grid,
  Input,
  List,
  Segmented,
  Select,
  Space,
  Switch,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, http } from '../../api/client';
import { usePlaceNames } from '../../api/place-names';
import type { Session } from '../../api/session';
import { formatTime } from '../../components/labels';
import { labelOf, useI18n } from '../../i18n/i18n';
import { ReportStatusTag, UrgencyTag } from '../../police/tags';
import type { Report, ReportCategory, Team } from '../../police/types';
import { REPORT_CATEGORIES } from '../../police/types';

type ReportStatus = Report['status'];
import { errorText } from '../errors';

const CATEGORY_COLOR: Record<string, string> = {
  dispute_risk: '#d4a106',
  fraud_risk: '#cf1322',
  safety_hazard: '#d46b08',
  public_order: '#531dab',
  help_needed: '#08979c',
};

/** Who works a report (docs/api.md): the community's police and auxiliary police, supervisors. */
const WORKS = ['community_police', 'auxiliary_police', 'supervisor'];
/** Who may open the case a report becomes (auxiliary police may not). */
const CONVERTS = ['community_police', 'supervisor', 'grid_worker'];

/**
 * 社情研判: the community police officer's morning queue. Before noon it opens on yesterday's
 * reports (what the grid workers saw since the last round), after noon on today's.
 */
export default function ReportsPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [dayMode, setDayMode] = useState<'yesterday' | 'today' | 'pick'>(
    dayjs().hour() < 12 ? 'yesterday' : 'today',
  );
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<ReportStatus | 'all'>('open');
  const [category, setCategory] = useState<ReportCategory | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const day =
    dayMode === 'yesterday'
      ? dayjs().subtract(1, 'day')
      : dayMode === 'today'
        ? dayjs()
        : (picked ?? dayjs());
  const dayText = day.format('YYYY-MM-DD');
  const list = useQuery({
    queryKey: ['reports', 'queue', overdueOnly ? 'overdue' : dayText, status, category],
    queryFn: () =>
      call(
        http.GET('/community/reports', {
          params: {
            query: {
              // Overdue ones are shown whatever day they were filed: that is the point of the flag.
              day: overdueOnly ? undefined : dayText,
              overdue: overdueOnly ? true : undefined,
              status: status === 'all' ? undefined : status,
              category,
              pageSize: 100,
            },
          },
        }),
      ),
    refetchInterval: 60_000,
  });
  const items = list.data?.items ?? [];
  const openCount = items.filter((r) => r.status === 'open').length;
  const overdueCount = items.filter((r) => r.overdue).length;

  const community =
    items[0]?.communityCode ??
    (session.user.role === 'community_police' || session.user.role === 'auxiliary_police'
      ? session.user.unitCode
      : null);
  const team = useQuery({
    queryKey: ['team', community],
    queryFn: () =>
      call(http.GET('/communities/{code}/team', { params: { path: { code: community } } })),
    enabled: Boolean(community),
    staleTime: 60_000,
  });
  const names = useMemo(
    () => new Map((team.data?.members ?? []).map((m) => [m.userId, m.displayName])),
    [team.data],
  );

  // However the day is set, reports nobody looked at in time are announced at the top.
  const overdue = useQuery({
    queryKey: ['reports', 'overdue-count'],
    queryFn: () =>
      call(http.GET('/community/reports', { params: { query: { overdue: true, pageSize: 1 } } })),
    refetchInterval: 60_000,
  });
  const gridName = usePlaceNames();
  const selected = items.find((r) => r.id === openId) ?? null;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ fontSize: phone ? 20 : 22, margin: 0 }}>
          {t('reports.title')}
        </Typography.Title>
        {!phone && <Typography.Text type="secondary">{t('reports.lead')}</Typography.Text>}
      </div>
      <Card size="small">
        <Space wrap size={[16, 8]}>
          <Segmented
            value={dayMode}
            onChange={(v) => setDayMode(v as typeof dayMode)}
            disabled={overdueOnly}
            options={[
              { value: 'yesterday', label: t('reports.day.yesterday') },
              { value: 'today', label: t('reports.day.today') },
              { value: 'pick', label: t('reports.day.pick') },
            ]}
          />
          {dayMode === 'pick' && (
            <DatePicker
              value={picked}
              onChange={setPicked}
              disabled={overdueOnly}
              aria-label={t('reports.day.pick')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          )}
          <Segmented<ReportStatus | 'all'>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'open', label: t('reportStatus.open') },
              { value: 'handled', label: t('reportStatus.handled') },
              { value: 'converted', label: t('reportStatus.converted') },
              { value: 'all', label: t('common.all') },
            ]}
          />
          <Select
            allowClear
            value={category}
            onChange={setCategory}
            placeholder={t('reports.col.category')}
            aria-label={t('reports.col.category')}
            style={{ width: 150 }}
            options={REPORT_CATEGORIES.map((c) => ({
              value: c,
              label: labelOf(t, 'reportCategory', c),
            }))}
          />
          <label style={{ whiteSpace: 'nowrap' }}>
            <Switch size="small" checked={overdueOnly} onChange={setOverdueOnly} />{' '}
            {t('reports.filter.overdue')}
          </label>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void list.refetch()}
            aria-label={t('common.refresh')}
          />
        </Space>
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {overdueOnly ? t('reports.overdue') : dayText} ·{' '}
            {t('reports.count', { n: items.length, open: openCount, overdue: overdueCount })}
          </Typography.Text>
        </div>
      </Card>
      {!overdueOnly && (overdue.data?.total ?? 0) > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('reports.overdue.banner', { n: overdue.data?.total ?? 0 })}
          action={
            <Button danger onClick={() => setOverdueOnly(true)}>
              {t('reports.overdue.show')}
            </Button>
          }
        />
      )}
      {list.error && (
        <Alert
          type="error"
          showIcon
          message={errorText(t, list.error)}
          action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      <List
        loading={list.isLoading}
        dataSource={items}
        grid={phone ? { column: 1 } : { gutter: 12, column: 2 }}
        locale={{ emptyText: <Empty description={t('reports.empty')} /> }}
        renderItem={(r) => (
          <List.Item style={{ marginBottom: 12 }}>
            <Card
              size="small"
              hoverable
              onClick={() => setOpenId(r.id)}
              style={{
                borderLeft: `6px solid ${CATEGORY_COLOR[r.category] ?? '#1f4e9c'}`,
                background: r.overdue ? '#fff7f7' : undefined,
              }}
            >
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {labelOf(t, 'reportCategory', r.category)}
                  </Typography.Text>
                  <UrgencyTag urgency={r.urgency} />
                </Space>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {r.summary}
                </Typography.Paragraph>
                <Space wrap size={4}>
                  <ReportStatusTag report={r} />
                </Space>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <EnvironmentOutlined /> {r.place} · {gridName(r.gridCode)} ·{' '}
                    {formatTime(r.createdAt)}
                  </Typography.Text>
                  <Button
                    type="primary"
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      setOpenId(r.id);
                    }}
                  >
                    {t('reports.open')}
                  </Button>
                </Space>
              </Space>
            </Card>
          </List.Item>
        )}
      />
      <Drawer
        open={selected !== null}
        onClose={() => setOpenId(null)}
        width={phone ? '100%' : 560}
        title={selected ? `${t('reports.detail')} · ${selected.reference}` : t('reports.detail')}
        destroyOnHidden
      >
        {selected && (
          <ReportDetail
            report={selected}
            session={session}
            team={team.data ?? null}
            names={names}
            gridName={gridName(selected.gridCode)}
            onDone={() => setOpenId(null)}
          />
        )}
      </Drawer>
    </Space>
  );
}

function ReportDetail({
  report,
  session,
  team,
  names,
  gridName,
  onDone,
}: {
  report: Report;
  session: Session;
  team: Team | null;
  names: Map<string, string>;
  gridName: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'handle' | 'assign' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const trail = useQuery({
    queryKey: ['report', report.id, 'events', report.version],
    queryFn: () =>
      call(http.GET('/community/reports/{id}/events', { params: { path: { id: report.id } } })),
  });
  const role = session.user.role;
  const mayWork =
    report.status === 'open' && (WORKS.includes(role) || report.assigneeId === session.user.id);
  const mayConvert =
    report.status === 'open' &&
    CONVERTS.includes(role) &&
    (role !== 'grid_worker' || report.assigneeId === session.user.id);

  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['reports'] });
    onDone();
  };
  const handle = useMutation({
    mutationFn: (v: { note: string }) =>
      call(
        http.POST('/community/reports/{id}/handle', {
          params: { path: { id: report.id } },
          body: {
            note: v.note.trim(),
            expectedVersion: report.version,
          },
        }),
      ),
    onSuccess: () => done(t('reports.handle.done')),
    onError: (e) => setError(errorText(t, e)),
  });
  const assign = useMutation({
    mutationFn: (v: { assigneeId: string; followUp: string }) =>
      call(
        http.POST('/community/reports/{id}/assign', {
          params: { path: { id: report.id } },
          body: {
            assigneeId: v.assigneeId,
            followUp: v.followUp.trim(),
            expectedVersion: report.version,
          },
        }),
      ),
    onSuccess: () => done(t('reports.assign.done')),
    onError: (e) => setError(errorText(t, e)),
  });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={4}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {labelOf(t, 'reportCategory', report.category)}
        </Typography.Text>
        <UrgencyTag urgency={report.urgency} />
        <ReportStatusTag report={report} />
      </Space>
      <Typography.Paragraph style={{ fontSize: 15, margin: 0, whiteSpace: 'pre-wrap' }}>
        {report.summary}
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('reports.col.place')}>
          {report.place}（{gridName}）
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.col.filed')}>
          {formatTime(report.createdAt)}
          {names.get(report.filedBy) ? ` · ${names.get(report.filedBy)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.location')}>
          {report.location
            ? t('report.location.at', { lon: report.location.lon, lat: report.location.lat })
            : t('report.location.none')}
        </Descriptions.Item>
        {report.photoRef && (
          <Descriptions.Item label={t('reports.photo')}>
            <PictureOutlined /> {report.photoRef}
          </Descriptions.Item>
        )}
        {report.assigneeId && (
          <Descriptions.Item label={t('reports.followUp')}>
            {t('reports.assignee', { name: names.get(report.assigneeId) ?? report.assigneeId })}
            {report.followUp ? `：${report.followUp}` : ''}
          </Descriptions.Item>
        )}
        {report.handlingNote && (
          <Descriptions.Item label={t('reports.note')}>{report.handlingNote}</Descriptions.Item>
        )}
        {report.disputeId && (
          <Descriptions.Item label={t('reports.dispute')}>
            <Link to={`/cases/${report.disputeId}`}>{t('reports.dispute.open')}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('reports.people')}>
        {report.disclosure === 'none' ? (
          <Typography.Text type="secondary">{t('reports.people.hidden')}</Typography.Text>
        ) : report.concerned.length === 0 ? (
          <Typography.Text type="secondary">{t('reports.people.none')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={report.concerned}
            renderItem={(p) => (
              <List.Item>
                <Space wrap size={12}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  {p.phone && <span>{p.phone}</span>}
                  {p.idNumber && <span>{p.idNumber}</span>}
                  {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>

      {error && <Alert type="error" showIcon message={error} role="alert" />}
      {(mayWork || mayConvert) && mode === null && (
        <Space wrap>
          {mayConvert && (
            <Button
              type="primary"
              size="large"
              icon={<FileAddOutlined />}
              onClick={() => void navigate('/open', { state: { reportId: report.id } })}
            >
              {t('reports.action.convert')}
            </Button>
          )}
          {mayWork && (
            <Button size="large" onClick={() => setMode('handle')}>
              {t('reports.action.handle')}
            </Button>
          )}
          {mayWork && (
            <Button size="large" onClick={() => setMode('assign')}>
              {t('reports.action.assign')}
            </Button>
          )}
        </Space>
      )}
      {mode === 'handle' && (
        <Card size="small" title={t('reports.action.handle')}>
          <Form layout="vertical" onFinish={(v: { note: string }) => handle.mutate(v)}>
            <Form.Item
              name="note"
              label={t('reports.handle.note')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('login.required', { field: t('reports.handle.note') }),
                },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={2000}
                placeholder={t('reports.handle.note.hint')}
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={handle.isPending}>
                {t('common.submit')}
              </Button>
              <Button onClick={() => setMode(null)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
      {mode === 'assign' && (
        <Card size="small" title={t('reports.action.assign')}>
          <Form
            layout="vertical"
            onFinish={(v: { assigneeId: string; followUp: string }) => assign.mutate(v)}
          >
            <Form.Item
              name="assigneeId"
              label={t('reports.assign.who')}
              rules={[
                {
                  required: true,
                  message: t('login.required', { field: t('reports.assign.who') }),
                },
              ]}
            >
              <Select
                size="large"
                showSearch={{ optionFilterProp: 'label' }}
                options={(team?.members ?? []).map((m) => ({
                  value: m.userId,
                  label: `${m.displayName}（${labelOf(t, 'team.role', m.teamRole)}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="followUp"
              label={t('reports.assign.followUp')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('login.required', { field: t('reports.assign.followUp') }),
                },
              ]}
            >
              <Input.TextArea
                rows={2}
                maxLength={2000}
                placeholder={t('reports.assign.followUp.hint')}
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={assign.isPending}>
                {t('common.submit')}
              </Button>
              <Button onClick={() => setMode(null)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}

      <Card size="small" title={t('reports.trail')} loading={trail.isLoading}>
        <Timeline
          items={(trail.data ?? []).map((e) => ({
            color:
              e.type === 'FLAGGED_OVERDUE' ? 'red' : e.type === 'CONVERTED' ? 'purple' : 'blue',
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{labelOf(t, 'reportEvent', e.type)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.at)} · {names.get(e.actorId) ?? labelOf(t, 'role', e.actorRole)}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
