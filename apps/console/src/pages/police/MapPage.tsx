import '../../police/messages';
import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Grid,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, http } from '../../api/client';
import type { Session } from '../../api/session';
import type { Tier } from '../../api/types';
import { TIER_COLOR, TierTag } from '../../components/labels';
import { labelOf, useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { geometryText } from '../../police/geometryText';
import { send } from '../../police/http';
import type { ColorBy } from '../../police/StreetMap';
import { REPORT_CATEGORIES, type MapGrid } from '../../police/types';
import { FileButton } from '../../police/FileButton';
import { errorText } from '../errors';

// ECharts and the map live in their own chunk.
const StreetMap = lazy(() => import('../../police/StreetMap'));

const CASE_CATEGORIES = ['neighbour', 'family', 'property', 'debt', 'labour', 'damage', 'other'];
const PERIODS = { week: 7, month: 30, all: null } as const;
type Period = keyof typeof PERIODS;

/** 社区要素一张图: the street's grids, coloured by their load, with the cases and reports on them. */
export default function MapPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const role = session.user.role;
  const [tier, setTier] = useState<Tier | 'all'>('all');
  const [category, setCategory] = useState<string | undefined>();
  const [period, setPeriod] = useState<Period>('month');
  const [colorBy, setColorBy] = useState<ColorBy>('open');
  const [show, setShow] = useState<string[]>(['cases', 'reports']);
  const [street, setStreet] = useState<string | undefined>();

  // Admins belong to no street: they choose one.
  const units = useQuery({
    queryKey: ['units'],
    queryFn: () => call(http.GET('/admin/units')),
    enabled: role === 'admin',
  });
  const streets = (units.data ?? []).filter((u) => u.kind === 'street');
  const streetCode = role === 'admin' ? (street ?? streets[0]?.code) : undefined;

  const days = PERIODS[period];
  const from =
    days === null ? undefined : dayjs().subtract(days, 'day').startOf('day').toISOString();
  const map = useQuery({
    queryKey: ['map', streetCode, tier, category, from?.slice(0, 10)],
    queryFn: () =>
      call(
        http.GET('/map', {
          params: {
            query: { street: streetCode, tier: tier === 'all' ? undefined : tier, category, from },
          },
        }),
      ),
    enabled: role !== 'admin' || Boolean(streetCode),
    placeholderData: (previous) => previous,
  });
  const data = map.data;
  const onCase = useCallback((id: string) => void navigate(`/cases/${id}`), [navigate]);
  const missing = (data?.grids ?? []).filter((g) => !g.boundary).length;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ fontSize: phone ? 20 : 22, margin: 0 }}>
          {t('map.title')}
          {data ? ` · ${data.street.name}` : ''}
        </Typography.Title>
        {!phone && <Typography.Text type="secondary">{t('map.lead')}</Typography.Text>}
      </div>
      <Card size="small">
        <Space wrap size={[16, 8]}>
          {role === 'admin' && (
            <Select
              value={streetCode}
              onChange={setStreet}
              aria-label={t('map.street')}
              style={{ width: 160 }}
              options={streets.map((s) => ({ value: s.code, label: s.name }))}
            />
          )}
          <Space size={4}>
            <Typography.Text>{t('map.tier')}</Typography.Text>
            <Segmented
              value={tier}
              onChange={(v) => setTier(v as Tier | 'all')}
              options={[
                { value: 'all', label: t('common.all') },
                ...(['blue', 'yellow', 'red'] as const).map((x) => ({
                  value: x,
                  label: labelOf(t, 'tier', x),
                })),
              ]}
            />
          </Space>
          <Select
            allowClear
            value={category}
            onChange={setCategory}
            placeholder={t('map.category')}
            aria-label={t('map.category')}
            style={{ width: 160 }}
            options={[...CASE_CATEGORIES, ...REPORT_CATEGORIES].map((c) => ({
              value: c,
              label: labelOf(t, 'category', c),
            }))}
          />
          <Space size={4}>
            <Typography.Text>{t('map.period')}</Typography.Text>
            <Segmented
              value={period}
              onChange={(v) => setPeriod(v)}
              options={(Object.keys(PERIODS) as Period[]).map((p) => ({
                value: p,
                label: t(`map.period.${p}` as MessageKey),
              }))}
            />
          </Space>
          <Space size={4}>
            <Typography.Text>{t('map.colorBy')}</Typography.Text>
            <Segmented
              value={colorBy}
              onChange={(v) => setColorBy(v as ColorBy)}
              options={[
                { value: 'open', label: t('map.colorBy.open') },
                { value: 'overdue', label: t('map.colorBy.overdue') },
              ]}
            />
          </Space>
          <Checkbox.Group
            value={show}
            onChange={(v) => setShow(v)}
            aria-label={t('map.show')}
            options={[
              { value: 'cases', label: t('map.show.cases') },
              { value: 'reports', label: t('map.show.reports') },
            ]}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void map.refetch()}
            aria-label={t('common.refresh')}
          />
        </Space>
      </Card>
      {map.error && <Alert type="error" showIcon message={errorText(t, map.error)} />}
      {data?.truncated && <Alert type="warning" showIcon message={t('map.truncated')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={
              data
                ? t('map.points', {
                    cases: show.includes('cases') ? data.cases.length : 0,
                    reports: show.includes('reports') ? data.reports.length : 0,
                  })
                : t('map.title')
            }
          >
            {!data ? (
              <Spin style={{ display: 'block', margin: 96 }} />
            ) : data.grids.every((g) => !g.boundary) ? (
              <Alert type="info" showIcon message={t('map.noGrids')} />
            ) : (
              <Suspense fallback={<Spin style={{ display: 'block', margin: 96 }} />}>
                <StreetMap
                  data={data}
                  colorBy={colorBy}
                  showCases={show.includes('cases')}
                  showReports={show.includes('reports')}
                  onCase={onCase}
                  height={phone ? 340 : 620}
                />
              </Suspense>
            )}
            <Legend />
            {missing > 0 && data && data.grids.some((g) => g.boundary) && (
              <Typography.Text type="secondary">
                {t('map.noBoundary', { n: missing })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('map.table')}>
              <Table<MapGrid>
                rowKey="code"
                size="small"
                pagination={false}
                loading={map.isLoading}
                dataSource={data?.grids ?? []}
                columns={[
                  { title: t('map.col.grid'), dataIndex: 'name' },
                  { title: t('map.col.open'), dataIndex: 'openCases', align: 'right' },
                  {
                    title: t('map.col.overdue'),
                    dataIndex: 'overdueCases',
                    align: 'right',
                    render: (n: number) => (
                      <span
                        style={{
                          color: n > 0 ? '#cf1322' : undefined,
                          fontWeight: n > 0 ? 600 : 400,
                        }}
                      >
                        {n}
                      </span>
                    ),
                  },
                  {
                    title: t('map.col.share'),
                    dataIndex: 'overdueShare',
                    align: 'right',
                    render: (v: number) => `${Math.round(v * 100)}%`,
                  },
                ]}
              />
            </Card>
            {data && show.includes('cases') && data.cases.length > 0 && (
              <Card size="small" title={t('map.legend.case')}>
                <Space
                  direction="vertical"
                  size={4}
                  style={{ width: '100%', maxHeight: 240, overflow: 'auto' }}
                >
                  {data.cases.slice(0, 50).map((c) => (
                    <Link key={c.id} to={`/cases/${c.id}`}>
                      <Space size={6}>
                        <TierTag tier={c.tier} />
                        <span>{c.reference}</span>
                        <Typography.Text type="secondary">
                          {labelOf(t, 'category', c.category)}
                        </Typography.Text>
                      </Space>
                    </Link>
                  ))}
                </Space>
              </Card>
            )}
            {(role === 'admin' || role === 'supervisor') && data && (
              <BoundaryUpload grids={data.grids} />
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function Legend() {
  const { t } = useI18n();
  const dot = (color: string, diamond = false) => (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        background: color,
        borderRadius: diamond ? 0 : 5,
        transform: diamond ? 'rotate(45deg)' : undefined,
        marginRight: 4,
      }}
    />
  );
  return (
    <Space size={10} wrap style={{ marginTop: 8, marginRight: 16 }}>
      {(['blue', 'yellow', 'red'] as const).map((x) => (
        <span key={x}>
          {dot(TIER_COLOR[x])}
          {labelOf(t, 'tier', x)}
        </span>
      ))}
      <span>
        {dot('#7c3aed', true)}
        {t('map.legend.report')}
      </span>
    </Space>
  );
}

function BoundaryUpload({ grids }: { grids: MapGrid[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ grid: string; geojson: string }>();
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: ({ grid, geometry }: { grid: string; geometry: unknown }) =>
      send('PUT', `/admin/grids/${encodeURIComponent(grid)}/boundary`, { geometry }),
    onSuccess: (_r, v) => {
      void message.success(
        t('map.boundary.done', { grid: grids.find((g) => g.code === v.grid)?.name ?? v.grid }),
      );
      void queryClient.invalidateQueries({ queryKey: ['map'] });
    },
    onError: (e, v) => setError(geometryText(t, e, (v.geometry as { type?: string } | null)?.type)),
  });
  const submit = (values: { grid: string; geojson: string }) => {
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(values.geojson);
    } catch (e) {
      setError(t('map.boundary.notJson', { message: (e as Error).message }));
      return;
    }
    // A Feature or a one-feature collection, as GIS tools export them: send its geometry.
    const obj = parsed as {
      type?: string;
      geometry?: unknown;
      features?: { geometry?: unknown }[];
    };
    const geometry =
      obj?.type === 'Feature'
        ? obj.geometry
        : obj?.type === 'FeatureCollection'
          ? obj.features?.[0]?.geometry
          : parsed;
    upload.mutate({ grid: values.grid, geometry });
  };
  return (
    <Card
      size="small"
      title={
        <>
          <UploadOutlined /> {t('map.boundary.title')}
        </>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="grid"
          label={t('map.boundary.grid')}
          rules={[
            { required: true, message: t('login.required', { field: t('map.boundary.grid') }) },
          ]}
        >
          <Select
            options={grids.map((g) => ({ value: g.code, label: `${g.name}（${g.code}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="geojson"
          label={t('map.boundary.geojson')}
          rules={[{ required: true, message: t('login.required', { field: 'GeoJSON' }) }]}
        >
          <Input.TextArea
            rows={5}
            spellCheck={false}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
          />
        </Form.Item>
        <Space wrap>
          <FileButton
            accept=".geojson,.json,application/geo+json,application/json"
            onFile={(f) => void f.text().then((text) => form.setFieldValue('geojson', text))}
          >
            {t('map.boundary.file')}
          </FileButton>
          <Button type="primary" htmlType="submit" loading={upload.isPending}>
            {t('map.boundary.submit')}
          </Button>
        </Space>
        {error && (
          <Alert type="error" showIcon message={error} role="alert" style={{ marginTop: 12 }} />
        )}
      </Form>
    </Card>
  );
}
