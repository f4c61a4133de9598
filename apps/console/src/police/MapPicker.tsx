import './messages';
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useCallback, useMemo } from 'react';
import { call, http } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../pages/errors';
import { EChart } from './EChart';
import type { ECharts, EChartsOption } from './echarts';
import { registerStreet } from './streetMap';

type Point = { lon: number; lat: number };

/** Picks a point on the caller's street map (the grids' outlines); a click places the pin. */
export default function MapPicker({
  value,
  onChange,
}: {
  value: Point | null;
  onChange: (p: Point) => void;
}) {
  const { t } = useI18n();
  // Boundaries only: a filter matching nothing keeps the picker free of case points.
  const map = useQuery({
    queryKey: ['map', 'picker'],
    queryFn: () =>
      call(
        http.GET('/map', {
          params: { query: { from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' } },
        }),
      ),
    staleTime: 300_000,
  });
  const name = useMemo(() => (map.data ? registerStreet(map.data) : null), [map.data]);
  const option = useMemo<EChartsOption>(
    () => ({
      geo: {
        map: name ?? '',
        roam: true,
        label: { show: true, color: '#1f2937', fontSize: 12 },
        itemStyle: { areaColor: '#eef3fb', borderColor: '#1f4e9c', borderWidth: 1.5 },
        emphasis: { itemStyle: { areaColor: '#dbe7ff' }, label: { color: '#0b2f6b' } },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 36,
          itemStyle: { color: '#cf1322' },
          data: value ? [[value.lon, value.lat]] : [],
        },
      ],
    }),
    [name, value],
  );
  const ready = useCallback(
    (chart: ECharts) => {
      const zr = chart.getZr();
      zr.off('click');
      zr.on('click', (e: { offsetX: number; offsetY: number }) => {
        const at = chart.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as
          number[] | undefined;
        if (at && Number.isFinite(at[0]) && Number.isFinite(at[1]))
          onChange({ lon: at[0], lat: at[1] });
      });
    },
    [onChange],
  );

  if (map.error) return <Alert type="error" showIcon message={errorText(t, map.error)} />;
  if (!map.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!name) return <Alert type="info" showIcon message={t('map.noGrids')} />;
  return (
    <EChart option={option} height={380} label={t('report.location.pick.title')} onReady={ready} />
  );
}
