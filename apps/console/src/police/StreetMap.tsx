import './messages';
import { useCallback, useMemo } from 'react';
import { TIER_COLOR } from '../components/labels';
import { labelOf, useI18n } from '../i18n/i18n';
import { EChart } from './EChart';
import type { ECharts, EChartsOption } from './echarts';
import { registerStreet } from './streetMap';
import type { MapData } from './types';

export type ColorBy = 'open' | 'overdue';

const REPORT_COLOR = '#7c3aed';

/**
 * The street drawn from its grids' boundaries, each grid coloured by its open cases or its
 * overdue share, with the case points (tier colours) and the report points (violet diamonds).
 * A click on a case point calls onCase; the series are named `cases` and `reports` (tests count them).
 */
export default function StreetMap({
  data,
  colorBy,
  showCases,
  showReports,
  onCase,
  height,
}: {
  data: MapData;
  colorBy: ColorBy;
  showCases: boolean;
  showReports: boolean;
  onCase: (id: string) => void;
  height: number;
}) {
  const { t } = useI18n();
  const name = useMemo(() => registerStreet(data), [data]);
  const cases = useMemo(() => (showCases ? data.cases : []), [showCases, data]);
  const reports = useMemo(() => (showReports ? data.reports : []), [showReports, data]);

  const option = useMemo<EChartsOption>(() => {
    const values = data.grids
      .filter((g) => g.boundary)
      .map((g) => ({
        name: g.name,
        value: colorBy === 'open' ? g.openCases : Math.round(g.overdueShare * 100),
        grid: g,
      }));
    const max = Math.max(1, ...values.map((v) => v.value));
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const item = p as {
            seriesId?: string;
            data?: { grid?: (typeof data.grids)[number]; ref?: string; label?: string };
            name: string;
          };
          if (item.data?.ref) return `${item.data.ref}<br/>${item.data.label ?? ''}`;
          const g = item.data?.grid;
          if (!g) return item.name;
          return `<b>${g.name}</b><br/>${t('map.grid.open', { n: g.openCases })}<br/>${t(
            'map.grid.overdue',
            { n: g.overdueCases, share: `${Math.round(g.overdueShare * 100)}%` },
          )}`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: colorBy === 'open' ? max : 100,
        seriesIndex: 0,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemWidth: 12,
        itemHeight: 120,
        text: colorBy === 'open' ? [`${max} ${t('map.colorBy.open')}`, '0'] : ['100%', '0%'],
        textStyle: { color: '#374151' },
        inRange: {
          color:
            colorBy === 'open'
              ? ['#f3f6fb', '#fde3b5', '#f4a340']
              : ['#f3f6fb', '#fcc9c9', '#e5484d'],
        },
      },
      geo: {
        map: name ?? '',
        roam: true,
        // All four sides and 'contain': the street fits the box on a narrow phone too (with top
        // and bottom alone ECharts sizes the map by height and a tall box clips its sides).
        top: 12,
        bottom: 44,
        left: 8,
        right: 8,
        preserveAspect: 'contain',
        label: { show: true, color: '#1f2937', fontSize: 12, fontWeight: 500 },
        itemStyle: { borderColor: '#1f4e9c', borderWidth: 1.5, areaColor: '#f3f6fb' },
        emphasis: { label: { color: '#0b2f6b' }, itemStyle: { areaColor: '#dbe7ff' } },
        select: { disabled: true },
      },
      series: [
        {
          id: 'grids',
          type: 'map',
          geoIndex: 0,
          data: values,
        },
        {
          id: 'cases',
          name: t('map.legend.case'),
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 14,
          z: 3,
          cursor: 'pointer',
          data: cases.map((c) => ({
            id: c.id,
            value: [c.lon, c.lat],
            ref: c.reference,
            label: `${labelOf(t, 'tier', c.tier)} · ${labelOf(t, 'status', c.status)}`,
            itemStyle: {
              color: TIER_COLOR[c.tier],
              borderColor: c.overdue ? '#000000' : '#ffffff',
              borderWidth: 2,
            },
          })),
        },
        {
          id: 'reports',
          name: t('map.legend.report'),
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'diamond',
          symbolSize: 13,
          z: 2,
          data: reports.map((r) => ({
            id: r.id,
            value: [r.lon, r.lat],
            ref: r.reference,
            label: `${labelOf(t, 'reportCategory', r.category)} · ${labelOf(t, 'reportStatus', r.status)}`,
            itemStyle: { color: REPORT_COLOR, borderColor: '#ffffff', borderWidth: 1.5 },
          })),
        },
      ],
    };
  }, [data, name, colorBy, cases, reports, t]);

  const ready = useCallback(
    (chart: ECharts) => {
      chart.off('click');
      chart.on('click', (p: { seriesId?: string; data?: unknown }) => {
        const id = (p.data as { id?: string } | undefined)?.id;
        if (p.seriesId === 'cases' && id) onCase(id);
      });
    },
    [onCase],
  );

  return (
    <EChart
      option={option}
      height={height}
      onReady={ready}
      testId="street-map"
      label={t('map.aria', {
        n: data.grids.filter((g) => g.boundary).length,
        cases: cases.length,
        reports: reports.length,
      })}
    />
  );
}
