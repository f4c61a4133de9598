import { useEffect, useRef } from 'react';
import { echarts, type ECharts, type EChartsOption } from './echarts';

/**
 * One ECharts instance in a div, redrawn when the option changes and resized with its box. The
 * SVG renderer keeps text crisp in print and screenshots; the instance is reachable from the
 * element (`echarts.getInstanceByDom`) for the tests and from `onReady` for the page.
 */
export function EChart({
  option,
  height,
  label,
  onReady,
  testId,
}: {
  option: EChartsOption;
  height: number;
  label: string;
  onReady?: (chart: ECharts) => void;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return undefined;
    const instance = echarts.init(box.current, null, { renderer: 'svg', locale: 'ZH' });
    chart.current = instance;
    // Exposed for the browser tests: they count what was drawn, not what was meant to be.
    (box.current as HTMLDivElement & { chart?: ECharts }).chart = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.setOption(option, true);
    onReady?.(chart.current);
  }, [option, onReady]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height }}
    />
  );
}
