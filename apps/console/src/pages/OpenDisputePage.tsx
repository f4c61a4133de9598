import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { call, http } from '../api/client';
import type { Session } from '../api/session';
import type { RiskIndicatorCode, Tier } from '../api/types';
import { TIER_COLOR, TierTag } from '../components/labels';
import {
  CaseLawFields,
  PartyRepresentationFields,
  representationBody,
} from '../components/LawIntakeFields';
import { labelOf, useI18n } from '../i18n/i18n';
import { useReportIntake } from '../police/useReportIntake';
import { errorText } from './errors';

const CATEGORIES = ['neighbour', 'family', 'property', 'debt', 'labour', 'damage', 'other'];
const PHONE = /^1\d{10}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;
/** A party of full capacity taking part in person: the defaults of the representation fields. */
const IN_PERSON = { capacity: 'full', representative: { kind: 'none' } };

interface PartyInput {
  name: string;
  role: 'applicant' | 'respondent';
  phone?: string;
  idNumber?: string;
  capacity?: string;
  representative?: { kind?: string; name?: string; relation?: string };
}

interface OpenForm {
  title: string;
  description: string;
  category: string;
  gridCode: string;
  amount?: number;
  parties: PartyInput[];
  riskIndicators: RiskIndicatorCode[];
  requestedTier?: Tier | 'suggested';
  tierReason?: string;
  mediationType?: 'people' | 'police' | 'court';
  private?: boolean;
}

export default function OpenDisputePage({ session }: { session: Session }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenForm>();
  const [error, setError] = useState<string | null>(null);
  // Opened from a 社情 report: pre-filled, and opened through the report (issue 15).
  const intake = useReportIntake(form);
  const workflow = useQuery({
    queryKey: ['workflow'],
    queryFn: () => call(http.GET('/workflow')),
    staleTime: Infinity,
  });

  const indicators = Form.useWatch('riskIndicators', form) ?? [];
  const amount = Form.useWatch('amount', form);
  const parties = Form.useWatch('parties', form) ?? [];
  const requestedTier = Form.useWatch('requestedTier', form);
  // The server scores the checklist (the same rules that will record it): the page never copies them.
  const triage = useQuery({
    queryKey: ['triage', indicators, amount, parties.length],
    queryFn: () =>
      call(
        http.POST('/triage', {
          body: {
            riskIndicators: indicators,
            amount: amount ?? null,
            partyCount: parties.length || 2,
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const suggested = triage.data?.suggestedTier ?? 'blue';
  const lower =
    requestedTier &&
    requestedTier !== 'suggested' &&
    ['blue', 'yellow', 'red'].indexOf(requestedTier) < ['blue', 'yellow', 'red'].indexOf(suggested);

  useEffect(() => {
    if (!lower) form.setFieldValue('tierReason', undefined);
  }, [lower, form]);

  const open = useMutation({
    mutationFn: (values: OpenForm) => {
      const { requestedTier: tier, tierReason, amount: amt, ...rest } = values;
      return intake.open({
        ...rest,
        parties: rest.parties.map((p) => ({
          name: p.name,
          role: p.role,
          ...(p.phone ? { phone: p.phone } : {}),
          ...(p.idNumber ? { idNumber: p.idNumber.toUpperCase() } : {}),
          ...representationBody(p),
        })),
        ...(amt !== undefined && amt !== null ? { amount: amt } : {}),
        ...(tier && tier !== 'suggested' ? { requestedTier: tier } : {}),
        ...(tierReason ? { tierReason } : {}),
      });
    },
    onSuccess: (d) => {
      void message.success(t('open.done', { reference: d.reference }));
      void navigate(`/cases/${d.id}`);
    },
    onError: (e) => setError(errorText(t, e)),
  });

  return (
    <Form<OpenForm>
      form={form}
      layout="vertical"
      requiredMark
      initialValues={{
        gridCode: session.user.unitCode ?? '',
        category: 'neighbour',
        parties: [
          { role: 'applicant', ...IN_PERSON },
          { role: 'respondent', ...IN_PERSON },
        ],
        mediationType: 'people',
        private: false,
        riskIndicators: [],
        requestedTier: 'suggested',
      }}
      onFinish={(values) => {
        setError(null);
        open.mutate(values);
      }}
      style={{ maxWidth: 880, margin: '0 auto' }}
    >
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('open.title')}
      </Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {intake.reportId && (
          <Alert
            type={intake.error ? 'error' : 'info'}
            showIcon
            message={
              intake.error
                ? errorText(t, intake.error)
                : t('reports.convert.banner', { reference: intake.reference ?? '' })
            }
          />
        )}
        <Card title={t('open.basic')}>
          <Form.Item
            name="title"
            label={t('open.field.title')}
            rules={[
              { required: true, message: t('login.required', { field: t('open.field.title') }) },
            ]}
          >
            <Input size="large" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('open.field.description')}
            rules={[
              {
                required: true,
                message: t('login.required', { field: t('open.field.description') }),
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={10000} showCount />
          </Form.Item>
          <Space wrap size={16} style={{ width: '100%' }}>
            <Form.Item name="category" label={t('open.field.category')} style={{ minWidth: 180 }}>
              <Select
                size="large"
                options={[...new Set([...CATEGORIES, ...intake.extraCategories])].map((c) => ({
                  value: c,
                  label: labelOf(t, 'category', c),
                }))}
              />
            </Form.Item>
            <Form.Item name="gridCode" label={t('open.field.grid')} rules={[{ required: true }]}>
              <Input size="large" style={{ width: 140 }} disabled={Boolean(intake.reportId)} />
            </Form.Item>
            <Form.Item name="amount" label={t('open.field.amount')}>
              <InputNumber size="large" min={0} max={1e12} precision={2} style={{ width: 180 }} />
            </Form.Item>
          </Space>
          <CaseLawFields />
        </Card>

        <Card title={t('open.parties')}>
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Card key={field.key} size="small" type="inner">
                    <Space wrap align="start" size={12}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('open.party.name')}
                        rules={[
                          {
                            required: true,
                            message: t('login.required', { field: t('open.party.name') }),
                          },
                        ]}
                      >
                        <Input size="large" maxLength={100} style={{ width: 150 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'role']} label={t('open.party.role')}>
                        <Radio.Group
                          optionType="button"
                          size="large"
                          options={['applicant', 'respondent'].map((r) => ({
                            value: r,
                            label: labelOf(t, 'partyRole', r),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'phone']}
                        label={t('open.party.phone')}
                        rules={[{ pattern: PHONE, message: t('open.phone.invalid') }]}
                      >
                        <Input size="large" inputMode="tel" maxLength={11} style={{ width: 160 }} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'idNumber']}
                        label={t('open.party.idNumber')}
                        rules={[{ pattern: ID_NUMBER, message: t('open.id.invalid') }]}
                      >
                        <Input size="large" maxLength={18} style={{ width: 220 }} />
                      </Form.Item>
                      {fields.length > 2 && (
                        <Button
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={t('open.party.remove')}
                          style={{ marginTop: 30 }}
                        />
                      )}
                    </Space>
                    <PartyRepresentationFields form={form} name={field.name} />
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ role: 'respondent', ...IN_PERSON })}
                  block
                  size="large"
                >
                  {t('open.party.add')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>

        <Card title={t('open.risk')}>
          <Typography.Paragraph type="secondary">{t('open.risk.hint')}</Typography.Paragraph>
          <Form.Item name="riskIndicators" noStyle>
            <Checkbox.Group style={{ width: '100%' }}>
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
                  gap: 10,
                }}
              >
                {(workflow.data?.riskIndicators ?? []).map((i) => (
                  <Checkbox key={i.code} value={i.code} style={{ minHeight: 32 }}>
                    {labelOf(t, 'indicator', i.code)}
                  </Checkbox>
                ))}
              </div>
            </Checkbox.Group>
          </Form.Item>
          <div
            aria-live="polite"
            style={{
              marginTop: 16,
              padding: 12,
              borderRadius: 8,
              background: '#f6f8fb',
              borderLeft: `6px solid ${TIER_COLOR[suggested]}`,
            }}
          >
            <Space direction="vertical" size={4}>
              <Space>
                {t('open.triage.suggested', { tier: '' })}
                <TierTag tier={suggested} />
                <Typography.Text type="secondary">
                  {labelOf(t, 'tier', `${suggested}.who`)}
                </Typography.Text>
              </Space>
              <Typography.Text>
                {triage.data && triage.data.matched.length > 0
                  ? t('open.triage.score', {
                      matched: triage.data.matched.length,
                      total: triage.data.total,
                      score: triage.data.score,
                      yellow: triage.data.thresholds.yellow,
                      red: triage.data.thresholds.red,
                    })
                  : t('open.triage.none')}
              </Typography.Text>
              {triage.data && triage.data.matched.length > 0 && (
                <Typography.Text type="secondary">
                  {triage.data.matched.map((m) => labelOf(t, 'indicator', m.code)).join('、')}
                </Typography.Text>
              )}
            </Space>
          </div>
          <Form.Item name="requestedTier" label={t('open.tier.choose')} style={{ marginTop: 16 }}>
            <Radio.Group
              optionType="button"
              size="large"
              options={[
                { value: 'suggested', label: t('open.tier.follow') },
                ...(['blue', 'yellow', 'red'] as const).map((tier) => ({
                  value: tier,
                  label: labelOf(t, 'tier', tier),
                })),
              ]}
            />
          </Form.Item>
          {lower && (
            <Form.Item
              name="tierReason"
              label={t('open.tier.reason')}
              rules={[{ required: true, message: t('open.tier.reasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          )}
        </Card>
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        <Button type="primary" htmlType="submit" size="large" block loading={open.isPending}>
          {t('open.submit')}
        </Button>
      </Space>
    </Form>
  );
}
