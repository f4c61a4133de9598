import '../../office/messages';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Session } from '../../api/session';
import { labelOf, useI18n, type Translate } from '../../i18n/i18n';
import { call, http } from '../../api/client';
import { download } from '../../office/transfer';
import type { MonthlyReport } from '../../office/types';
import { UnitPicker, useUnits } from '../../office/UnitPicker';
import { errorText } from '../errors';

interface Row {
  key: string;
  section: string;
  item: string;
  value: string | number;
  span: number;
}

const TIERS = ['blue', 'yellow', 'red'] as const;
const pct = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
const money = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** The report as [section, item, value] rows, in the order of the downloaded sheet. */
export function reportRows(t: Translate, r: MonthlyReport): Row[] {
  const groups: [string, [string, string | number][]][] = [];
  const tierName = (tier: (typeof TIERS)[number]) => t(`report.tier.${tier}`);
  const breakdown = (b: MonthlyReport['accepted'] | MonthlyReport['closed']) => [
    ...Object.entries(b.bySource).map(
      ([k, v]) =>
        [t('report.item.source', { name: labelOf(t, 'report.source', k) }), v] as [string, number],
    ),
    ...Object.entries(b.byCategory).map(
      ([k, v]) =>
        [t('report.item.category', { name: labelOf(t, 'category', k) }), v] as [string, number],
    ),
    ...TIERS.map(
      (tier) =>
        [t('report.item.tier', { name: tierName(tier) }), b.byTier[tier]] as [string, number],
    ),
  ];
  groups.push([
    t('report.section.accepted'),
    [
      [t('report.item.accepted'), r.accepted.total],
      [t('report.item.amount'), money(r.accepted.amount)],
      ...breakdown(r.accepted),
    ],
  ]);
  groups.push([
    t('report.section.closed'),
    [
      [t('report.item.closed'), r.closed.total],
      ...breakdown(r.closed),
      ...Object.entries(r.closed.byOutcome).map(
        ([k, v]) =>
          [t('report.item.outcome', { name: labelOf(t, 'outcome', k) }), v] as [string, number],
      ),
    ],
  ]);
  groups.push([
    t('report.section.mediation'),
    [
      [t('report.item.concluded'), r.mediation.concluded],
      [t('report.item.successful'), r.mediation.successful],
      [t('report.item.rate'), pct(r.mediation.successRate)],
    ],
  ]);
  groups.push([
    t('report.section.agreements'),
    [
      [t('report.item.written'), r.agreements.written],
      [t('report.item.oral'), r.agreements.oral],
      [t('report.item.agreedAmount'), money(r.agreements.amount)],
    ],
  ]);
  groups.push([
    t('report.section.performance'),
    [
      [t('report.item.full'), r.performance.full],
      [t('report.item.partial'), r.performance.partial],
      [t('report.item.notPerformed'), r.performance.none],
    ],
  ]);
  groups.push([
    t('report.section.confirmation'),
    [
      [t('report.item.applied'), r.judicialConfirmation.applied],
      [t('report.item.granted'), r.judicialConfirmation.granted],
      [t('report.item.refused'), r.judicialConfirmation.refused],
    ],
  ]);
  groups.push([
    t('report.section.tiers'),
    [
      ...TIERS.map(
        (tier) =>
          [t('report.item.settled', { name: tierName(tier) }), r.settledByTier[tier]] as [
            string,
            number,
          ],
      ),
      [t('report.item.share.blue'), pct(r.settledByTier.shares.blue)],
      [t('report.item.share.yellow'), pct(r.settledByTier.shares.yellow)],
      [t('report.item.share.red'), pct(r.settledByTier.shares.red)],
    ],
  ]);
  groups.push([t('report.section.overdue'), [[t('report.item.overdue'), r.overdue]]]);
  groups.push([
    t('report.section.supervision'),
    [
      [t('report.item.issued'), r.supervision.issued],
      [t('report.item.pressedCases'), r.supervision.pressedCases],
      [t('report.item.acknowledged'), r.supervision.acknowledged],
      [t('report.item.pastDue'), r.supervision.pastDueUnacknowledged],
      [t('report.item.breached'), r.supervision.breachedAfterPressing],
    ],
  ]);
  return groups.flatMap(([section, items]) =>
    items.map(([item, value], i) => ({
      key: `${section}.${i}`,
      section,
      item,
      value,
      span: i === 0 ? items.length : 0,
    })),
  );
}

/** 人民调解工作统计: a unit's month as a table, downloadable as the API gives it. */
export default function ReportPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const units = useUnits(session, ['street', 'community', 'grid']);
  const [unit, setUnit] = useState<string | undefined>(session.user.unitCode ?? undefined);
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [busy, setBusy] = useState<string | null>(null);
  const chosen = unit ?? units[0]?.code;
  const period = month.format('YYYY-MM');
  const report = useQuery({
    queryKey: ['report', chosen, period],
    queryFn: () =>
      call(
        http.GET('/reports/monthly', {
          // `enabled` waits for a unit; the typed client wants it a string all the same.
          params: { query: { unit: chosen ?? '', month: period, format: 'json' } },
        }),
      ),
    enabled: chosen !== undefined,
  });
  const r = report.data;
  const save = async (format: 'xlsx' | 'csv') => {
    if (!chosen) return;
    setBusy(format);
    try {
      const name = await download(
        `/reports/monthly?unit=${encodeURIComponent(chosen)}&month=${period}&format=${format}`,
        `人民调解工作统计-${chosen}-${period}.${format}`,
      );
      void message.success(t('casefile.downloaded', { name }));
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('report.title')}
        </Typography.Title>
        <Space wrap>
          <UnitPicker units={units} value={chosen} onChange={setUnit} />
          <DatePicker
            picker="month"
            aria-label={t('report.month')}
            value={month}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(d) => d && setMonth(d)}
          />
          <Button
            type="primary"
            icon={<FileExcelOutlined />}
            loading={busy === 'xlsx'}
            disabled={!r}
            onClick={() => void save('xlsx')}
          >
            {t('report.download.xlsx')}
          </Button>
          <Button
            icon={<FileTextOutlined />}
            loading={busy === 'csv'}
            disabled={!r}
            onClick={() => void save('csv')}
          >
            {t('report.download.csv')}
          </Button>
        </Space>
      </Space>
      {report.error && <Alert type="error" showIcon message={errorText(t, report.error)} />}
      <Row gutter={[12, 12]}>
        {[
          [t('report.headline.accepted'), r?.accepted.total],
          [t('report.headline.closed'), r?.closed.total],
          [t('report.headline.rate'), r ? pct(r.mediation.successRate) : undefined],
          [t('report.headline.grid'), r ? pct(r.settledByTier.shares.blue) : undefined],
          [t('report.headline.supervision'), r?.supervision.issued],
        ].map(([title, value]) => (
          <Col key={String(title)} flex="1 1 160px">
            <Card size="small" loading={report.isLoading}>
              <Statistic title={title} value={value ?? '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Row>
          size="small"
          bordered
          loading={report.isLoading}
          dataSource={r ? reportRows(t, r) : []}
          pagination={false}
          columns={[
            {
              title: t('report.col.section'),
              dataIndex: 'section',
              width: 160,
              onCell: (row) => ({ rowSpan: row.span }),
              render: (v: string) => <strong>{v}</strong>,
            },
            { title: t('report.col.item'), dataIndex: 'item' },
            {
              title: t('report.col.value'),
              dataIndex: 'value',
              align: 'right',
              width: 140,
              render: (v: string | number) => (
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
