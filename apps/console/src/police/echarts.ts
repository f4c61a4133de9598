/**
 * Apache ECharts, only the parts the console draws: the street map (geo + map + scatter) and the
 * dashboard's bars and gauge. Imported from `echarts/core` so the chunk holds these and nothing
 * else; every importer is lazy, so neither the login page nor the grid worker's list pays for it.
 */
import { BarChart, GaugeChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  GaugeChart,
  MapChart,
  ScatterChart,
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
export type ECharts = ReturnType<typeof echarts.init>;
export type EChartsOption = Parameters<ECharts['setOption']>[0];
