import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import type { Tier } from '../api/types';
import { TIER_COLOR } from '../components/labels';
import { labelOf, useI18n } from '../i18n/i18n';
import { EChart } from './EChart';
import type { EChartsOption } from './echarts';

/** The parts of `/stats` the charts draw (docs/api.md "Statistics"). */
export interface ChartStats {
  total: number;
  byTier: Record<
    Tier,
    {
      total: number;
      open: number;
      closed: number;
      overdue: number;
      outcomes?: Record<string, number>;
    }
  >;
  settled: { resolved: number; atTier: Record<Tier, { count: number; share: number | null }> };
  timePerTier: Record<Tier, { cases: number; medianHours: number | null }>;
}

const TIERS: Tier[] = ['blue', 'yellow', 'red'];
const OUTCOMES = [
  'resolved',
  'withdrawn',
  'refused',
  'referred_to_litigation',
  'transferred',
  'agreement_not_performed',
  'not_accepted',
  'other_route',
];
// Resolved green, the rest in greys and muted tones; "open" in the console's blue.
const OUTCOME_COLOR: Record<string, string> = {
  open: '#1f4e9c',
  resolved: '#389e0d',
  withdrawn: '#8c8c8c',
  refused: '#595959',
  referred_to_litigation: '#ad6800',
  transferred: '#08979c',
  agreement_not_performed: '#cf1322',
  not_accepted: '#bfbfbf',
  other_route: '#722ed1',
};
const AXIS_TEXT = { color: '#374151', fontSize: 12 };
// Medians under ten hours keep a decimal: a same-day settlement is not "0 hours".
const hours = (h: number | null) =>
  h === null ? 0 : h < 10 ? Math.round(h * 10) / 10 : Math.round(h);
const pct = (share: number | null) => (share === null ? 0 : Math.round(share * 1000) / 10);

/** The dashboard's four charts: settled share per tier, cases and outcomes, median time, overdue. */
export default function StatsCharts({ stats }: { stats: ChartStats }) {
  const { t } = useI18n();
  const tiers = TIERS.map((x) => labelOf(t, 'tier', x));

  const settled = useMemo<EChartsOption>(
    () => ({
      aria: { enabled: true },
      grid: { left: 64, right: 110, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
      xAxis: { type: 'value', max: 100, axisLabel: { ...AXIS_TEXT, formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: tiers,
        inverse: true,
        axisLabel: { ...AXIS_TEXT, fontSize: 13 },
      },
      series: [
        {
          type: 'bar',
          barWidth: 26,
          data: TIERS.map((x) => ({
            value: pct(stats.settled.atTier[x].share),
            itemStyle: { color: TIER_COLOR[x], borderRadius: [0, 4, 4, 0] },
          })),
          label: {
            show: true,
            position: 'right',
            color: '#111827',
            fontWeight: 600,
            formatter: (p: unknown) => {
              const i = (p as { dataIndex: number }).dataIndex;
              const s = stats.settled.atTier[TIERS[i]];
              return `${pct(s.share)}%（${s.count}${t('dashboard.charts.cases')}）`;
            },
          },
        },
      ],
    }),
    [stats, t, tiers],
  );

  const outcomes = useMemo<EChartsOption>(() => {
    const used = OUTCOMES.filter((o) =>
      TIERS.some((x) => (stats.byTier[x].outcomes?.[o] ?? 0) > 0),
    );
    return {
      aria: { enabled: true },
      legend: { bottom: 0, textStyle: AXIS_TEXT, itemWidth: 12, itemHeight: 10 },
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: tiers, axisLabel: { ...AXIS_TEXT, fontSize: 13 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
      series: [
        {
          name: t('dashboard.charts.open'),
          type: 'bar',
          stack: 'cases',
          barWidth: 40,
          itemStyle: { color: OUTCOME_COLOR.open },
          data: TIERS.map((x) => stats.byTier[x].open),
        },
        ...used.map((o) => ({
          name: labelOf(t, 'outcome', o),
          type: 'bar' as const,
          stack: 'cases',
          itemStyle: { color: OUTCOME_COLOR[o] },
          data: TIERS.map((x) => stats.byTier[x].outcomes?.[o] ?? 0),
        })),
      ],
    };
  }, [stats, t, tiers]);

  const median = useMemo<EChartsOption>(
    () => ({
      aria: { enabled: true },
      grid: { left: 48, right: 16, top: 24, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => `${String(v)} ${t('dashboard.charts.hours')}`,
      },
      xAxis: { type: 'category', data: tiers, axisLabel: { ...AXIS_TEXT, fontSize: 13 } },
      yAxis: {
        type: 'value',
        name: t('dashboard.charts.hours'),
        nameTextStyle: AXIS_TEXT,
        axisLabel: AXIS_TEXT,
      },
      series: [
        {
          type: 'bar',
          barWidth: 40,
          data: TIERS.map((x) => ({
            value: hours(stats.timePerTier[x].medianHours),
            itemStyle: { color: TIER_COLOR[x], borderRadius: [4, 4, 0, 0] },
          })),
          label: {
            show: true,
            position: 'top',
            color: '#111827',
            formatter: (p: unknown) => {
              const i = (p as { dataIndex: number }).dataIndex;
              const h = stats.timePerTier[TIERS[i]].medianHours;
              return h === null
                ? '—'
                : h < 1
                  ? t('dashboard.charts.underHour')
                  : t('time.hours', { n: hours(h) });
            },
          },
        },
      ],
    }),
    [stats, t, tiers],
  );

  const overdue = useMemo<EChartsOption>(
    () => ({
      aria: { enabled: true },
      legend: { bottom: 0, textStyle: AXIS_TEXT },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: tiers, axisLabel: { ...AXIS_TEXT, fontSize: 13 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
      series: [
        {
          name: t('dashboard.charts.open'),
          type: 'bar',
          barGap: '10%',
          itemStyle: { color: '#9db4d9' },
          data: TIERS.map((x) => stats.byTier[x].open),
        },
        {
          name: t('dashboard.overdue'),
          type: 'bar',
          itemStyle: { color: '#cf1322' },
          label: { show: true, position: 'top', color: '#cf1322', fontWeight: 600 },
          data: TIERS.map((x) => stats.byTier[x].overdue),
        },
      ],
    }),
    [stats, t, tiers],
  );

  if (stats.total === 0) return <Empty description={t('dashboard.charts.empty')} />;
  const charts: [string, EChartsOption, string?][] = [
    [t('dashboard.charts.settled'), settled, t('dashboard.charts.settled.note')],
    [t('dashboard.charts.outcomes'), outcomes],
    [t('dashboard.charts.median'), median],
    [t('dashboard.charts.overdue'), overdue],
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map(([title, option, note]) => (
        <Col key={title} xs={24} lg={12}>
          <Card
            size="small"
            title={title}
            extra={note ? <span style={{ color: '#4b5563', fontSize: 12 }}>{note}</span> : null}
          >
            <EChart
              option={option}
              height={260}
              label={t('dashboard.charts.aria', { title })}
              testId="dashboard-chart"
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
