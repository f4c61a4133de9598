import '../../police/messages';
import {
  AimOutlined,
  CameraOutlined,
  DeleteOutlined,
  EnvironmentOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { call, http } from '../../api/client';
import type { Session } from '../../api/session';
import { labelOf, useI18n } from '../../i18n/i18n';
import {
  REPORT_CATEGORIES,
  URGENCIES,
  type ReportCategory,
  type Urgency,
} from '../../police/types';
import { ReportStatusTag, UrgencyTag } from '../../police/tags';
import { FileButton } from '../../police/FileButton';
import { errorText } from '../errors';

// The map picker draws with ECharts: loaded only when someone asks to pick on the map.
const MapPicker = lazy(() => import('../../police/MapPicker'));

const PHONE = /^1\d{10}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

interface ReportForm {
  gridCode: string;
  category: ReportCategory;
  urgency: Urgency;
  summary: string;
  place: string;
  concerned: { name: string; phone?: string; idNumber?: string; note?: string }[];
}

type Point = { lon: number; lat: number };

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** 社情上报: what a grid worker reports from the field, on the phone, in under a minute. */
export default function ReportFormPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportForm>();
  const [error, setError] = useState<string | null>(null);
  const [location, setLocation] = useState<Point | null>(null);
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState(false);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<Point | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const inGrid = session.user.role === 'grid_worker' || session.user.role === 'volunteer';
  const today = dayjs().format('YYYY-MM-DD');

  const mine = useQuery({
    queryKey: ['reports', 'mine', today],
    queryFn: () =>
      call(http.GET('/community/reports', { params: { query: { day: today, pageSize: 50 } } })),
  });
  const filed = (mine.data?.items ?? []).filter((r) => r.filedBy === session.user.id);

  const file = useMutation({
    mutationFn: (values: ReportForm) =>
      call(
        http.POST('/community/reports', {
          body: {
            gridCode: values.gridCode.trim(),
            category: values.category,
            urgency: values.urgency,
            summary: values.summary.trim(),
            place: values.place.trim(),
            concerned: (values.concerned ?? [])
              .filter((p) => p?.name?.trim())
              .map((p) => ({
                name: p.name.trim(),
                ...(p.phone ? { phone: p.phone } : {}),
                ...(p.idNumber ? { idNumber: p.idNumber.toUpperCase() } : {}),
                ...(p.note?.trim() ? { note: p.note.trim() } : {}),
              })),
            ...(photo
              ? { photoRef: `${dayjs().format('YYYYMMDD-HHmmss')}-${photo.name}`.slice(0, 200) }
              : {}),
            ...(location ? { location } : {}),
          },
        }),
      ),
    onSuccess: (r) => {
      void message.success(t('report.done', { reference: r.reference }));
      form.resetFields();
      setLocation(null);
      setPhoto(null);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      window.scrollTo({ top: 0 });
    },
    onError: (e) => setError(errorText(t, e)),
  });

  const locate = () => {
    setLocationError(false);
    if (!('geolocation' in navigator)) {
      setLocationError(true);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setLocation({ lon: round(pos.coords.longitude), lat: round(pos.coords.latitude) });
      },
      () => {
        setLocating(false);
        setLocationError(true);
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 20, marginBottom: 4 }}>
        {t('report.new.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('report.new.lead')}</Typography.Paragraph>
      <Form<ReportForm>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{
          gridCode: inGrid ? (session.user.unitCode ?? '') : '',
          category: 'dispute_risk',
          urgency: 'normal',
          concerned: [],
        }}
        onFinish={(values) => {
          setError(null);
          file.mutate(values);
        }}
      >
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small">
            <Form.Item name="category" label={t('report.field.category')} required>
              <Radio.Group style={{ width: '100%' }}>
                <div
                  style={{
                    display: 'grid',
                    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
                    gap: 8,
                  }}
                >
                  {REPORT_CATEGORIES.map((c) => (
                    <Radio
                      key={c}
                      value={c}
                      style={{
                        border: '1px solid #d9dee8',
                        borderRadius: 8,
                        padding: '8px 10px',
                        margin: 0,
                        minHeight: 56,
                      }}
                    >
                      <Typography.Text strong>{labelOf(t, 'reportCategory', c)}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {labelOf(t, 'reportCategory', `${c}.hint`)}
                      </Typography.Text>
                    </Radio>
                  ))}
                </div>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="urgency" label={t('report.field.urgency')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                size="large"
                options={URGENCIES.map((u) => ({ value: u, label: labelOf(t, 'urgency', u) }))}
              />
            </Form.Item>
            <Form.Item
              name="summary"
              label={t('report.field.summary')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('login.required', { field: t('report.field.summary') }),
                },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={2000}
                placeholder={t('report.field.summary.hint')}
              />
            </Form.Item>
            <Form.Item
              name="place"
              label={t('report.field.place')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('login.required', { field: t('report.field.place') }),
                },
              ]}
            >
              <Input size="large" maxLength={200} placeholder={t('report.field.place.hint')} />
            </Form.Item>
            <Form.Item
              name="gridCode"
              label={t('report.field.grid')}
              hidden={inGrid}
              rules={[
                { required: true, message: t('login.required', { field: t('report.field.grid') }) },
              ]}
            >
              <Input size="large" maxLength={50} style={{ width: 200 }} />
            </Form.Item>
            <div style={{ marginBottom: 8 }}>
              <Typography.Text>{t('report.field.location')}</Typography.Text>
              <div style={{ margin: '6px 0' }} aria-live="polite">
                {location ? (
                  <Tag
                    icon={<EnvironmentOutlined />}
                    color="blue"
                    style={{ fontSize: 14, padding: '2px 8px' }}
                  >
                    {t('report.location.at', { lon: location.lon, lat: location.lat })}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">{t('report.location.none')}</Typography.Text>
                )}
              </div>
              <Space wrap>
                <Button icon={<AimOutlined />} size="large" loading={locating} onClick={locate}>
                  {t('report.location.gps')}
                </Button>
                <Button
                  icon={<EnvironmentOutlined />}
                  size="large"
                  onClick={() => {
                    setPicked(location);
                    setPicking(true);
                  }}
                >
                  {t('report.location.map')}
                </Button>
                {location && (
                  <Button size="large" onClick={() => setLocation(null)}>
                    {t('report.location.clear')}
                  </Button>
                )}
              </Space>
              {locationError && (
                <Alert
                  style={{ marginTop: 8 }}
                  type="warning"
                  showIcon
                  message={t('report.location.denied')}
                />
              )}
            </div>
            <div>
              <Typography.Text>{t('report.field.photo')}</Typography.Text>
              <div style={{ marginTop: 6 }}>
                {photo ? (
                  <Space wrap>
                    <Tag icon={<CameraOutlined />} style={{ fontSize: 14, padding: '2px 8px' }}>
                      {t('report.photo.chosen', { name: photo.name })}
                    </Tag>
                    <Button icon={<DeleteOutlined />} onClick={() => setPhoto(null)}>
                      {t('report.photo.remove')}
                    </Button>
                  </Space>
                ) : (
                  <FileButton
                    size="large"
                    icon={<CameraOutlined />}
                    accept="image/*"
                    capture="environment"
                    onFile={setPhoto}
                  >
                    {t('report.photo.add')}
                  </FileButton>
                )}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('report.photo.note')}
              </Typography.Text>
            </div>
          </Card>

          <Card size="small" title={t('report.concerned')}>
            <Form.List name="concerned">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((field, i) => (
                    <Card
                      key={field.key}
                      size="small"
                      type="inner"
                      title={t('report.concerned.person', { n: i + 1 })}
                      extra={
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={t('report.concerned.remove')}
                        />
                      }
                    >
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('report.concerned.name')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('login.required', { field: t('report.concerned.name') }),
                          },
                        ]}
                      >
                        <Input size="large" maxLength={100} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'phone']}
                        label={t('report.concerned.phone')}
                        rules={[{ pattern: PHONE, message: t('open.phone.invalid') }]}
                      >
                        <Input size="large" inputMode="tel" maxLength={11} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'idNumber']}
                        label={t('report.concerned.idNumber')}
                        rules={[{ pattern: ID_NUMBER, message: t('open.id.invalid') }]}
                      >
                        <Input size="large" maxLength={18} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'note']} label={t('report.concerned.note')}>
                        <Input size="large" maxLength={500} />
                      </Form.Item>
                    </Card>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({})} block size="large">
                    {t('report.concerned.add')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Card>
          {error && <Alert type="error" showIcon message={error} role="alert" />}
          <Button type="primary" htmlType="submit" size="large" block loading={file.isPending}>
            {t('report.submit')}
          </Button>
        </Space>
      </Form>

      <Card size="small" title={t('report.mine')} style={{ marginTop: 16 }}>
        <List
          loading={mine.isLoading}
          dataSource={filed}
          locale={{ emptyText: <Empty description={t('report.mine.empty')} /> }}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <Typography.Text strong>
                    {labelOf(t, 'reportCategory', r.category)}
                  </Typography.Text>
                  <UrgencyTag urgency={r.urgency} />
                  <ReportStatusTag report={r} />
                </Space>
                <Typography.Text>{r.summary}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.reference} · {r.place} · {dayjs(r.createdAt).format('HH:mm')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>

      <Modal
        open={picking}
        title={t('report.location.pick.title')}
        onCancel={() => setPicking(false)}
        onOk={() => {
          if (picked) setLocation(picked);
          setPicking(false);
        }}
        okText={t('report.location.pick.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !picked }}
        width={720}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('report.location.pick.hint')}
        </Typography.Paragraph>
        <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
          <MapPicker
            value={picked}
            onChange={(p) => setPicked({ lon: round(p.lon), lat: round(p.lat) })}
          />
        </Suspense>
        {picked && (
          <Typography.Text>
            {t('report.location.at', { lon: picked.lon, lat: picked.lat })}
          </Typography.Text>
        )}
      </Modal>
    </div>
  );
}
