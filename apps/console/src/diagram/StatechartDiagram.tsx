import './messages';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Grid, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  catalogueWords,
  drawStatechart,
  layOut,
  legendLines,
  readStatechart,
  stageOf,
  type Link,
  type Lookup,
} from '../../../../libs/workflow/src/diagram/picture';
import { call, http } from '../api/client';
import type { MessageKey } from '../i18n/zh-CN';
import { labelOf, useI18n } from '../i18n/i18n';
import { toReact } from './toReact';

/** What the diagram needs of the case's record: where each step left from and went to. */
export interface Step {
  readonly type: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
}

/** The scale on a phone: the picture scrolls sideways, the current state brought into view. */
const PHONE_SCALE = 0.8;

/**
 * The statechart of `GET /workflow`, laid out as in docs/statechart.svg: the main path bold,
 * what every open state can do listed once, the rest on request; the case's current state
 * and the way it came highlighted. Its own chunk: the case page loads it lazily.
 */
export default function StatechartDiagram({
  status,
  steps,
}: {
  status: string;
  steps: readonly Step[];
}) {
  const { t, lang } = useI18n();
  const desk = Grid.useBreakpoint().lg === true;
  const [showAll, setShowAll] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const workflow = useQuery({
    queryKey: ['workflow'],
    queryFn: () => call(http.GET('/workflow')),
    staleTime: Infinity,
  });
  const chart = useMemo(
    () => (workflow.data ? readStatechart(workflow.data.statechart) : undefined),
    [workflow.data],
  );

  const marks = useMemo(() => {
    const pairs = steps.map((s) => [s.fromStatus ?? 'intake', s.toStatus] as const);
    const visited = new Set(['intake', ...pairs.flat()]);
    const walked = (link: Link) =>
      pairs.some(([from, to]) =>
        link.kind === 'inner'
          ? link.from === from && link.to === to
          : link.from === stageOf(from) && link.to === stageOf(to),
      );
    return { current: status, visited, walked, used: new Set(steps.map((s) => s.type)) };
  }, [status, steps]);

  const picture = useMemo(() => {
    if (!chart) return undefined;
    const lookup: Lookup = (key, params) => {
      const text = t(key as MessageKey, params);
      return text === key ? undefined : text;
    };
    const words = {
      ...catalogueWords(lookup),
      title: t('diagram.titleWithCurrent', { current: labelOf(t, 'status', status) }),
    };
    // On a phone the list of common events goes under the picture, where its lines wrap.
    const laidOut = layOut(chart, { showAll, keep: marks.walked, legend: desk });
    return {
      laidOut,
      svg: drawStatechart(laidOut, words, marks),
      lines: desk ? [] : legendLines(laidOut, words, marks),
    };
    // `lang` changes the words `t` gives.
  }, [chart, showAll, marks, status, t, lang, desk]);

  // On a phone the picture is wider than the screen: start with the current state in view.
  useEffect(() => {
    const box = scroller.current;
    const current = box?.querySelector('[data-current="true"]');
    if (!box || !current || desk) return;
    const left =
      current.getBoundingClientRect().left - box.getBoundingClientRect().left + box.scrollLeft;
    box.scrollLeft = Math.max(0, left - box.clientWidth / 2 + 60);
  }, [picture, desk]);

  if (workflow.error || (workflow.data && !chart)) {
    return <Alert type="warning" showIcon message={t('diagram.unavailable')} />;
  }
  if (!picture) return null;
  const { laidOut, svg, lines } = picture;
  // At a desk the picture fits the card's width; on a phone it keeps a legible size.
  const size = desk
    ? { width: '100%', height: undefined }
    : { width: laidOut.width * PHONE_SCALE, height: laidOut.height * PHONE_SCALE };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <div
        ref={scroller}
        role="region"
        aria-label={t('diagram.scroll')}
        tabIndex={0}
        style={{ overflowX: 'auto', WebkitOverflowScrolling: 'touch' }}
      >
        {toReact(svg, size)}
      </div>
      {lines.length > 0 && (
        <div>
          <Typography.Text strong>{t('diagram.common')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {lines.map((line) => (
              <li key={line.event} style={line.used ? { color: '#0958d9' } : undefined}>
                <Typography.Text strong style={{ color: 'inherit' }}>
                  {line.label}
                </Typography.Text>{' '}
                {line.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Space wrap size={16}>
        <Checkbox checked={showAll} onChange={(e) => setShowAll(e.target.checked)}>
          {t('diagram.showAll')}
        </Checkbox>
        <Key colour="#434343" width={2.6} text={t('diagram.key.main')} />
        <Key colour="#0958d9" width={4} text={t('diagram.key.walked')} />
        <Key colour="#8c8c8c" width={1.5} dashed text={t('diagram.key.other')} />
        {!showAll && laidOut.hidden > 0 && (
          <Typography.Text type="secondary">
            {t('diagram.hidden', { count: laidOut.hidden })}
          </Typography.Text>
        )}
      </Space>
    </Space>
  );
}

function Key({
  colour,
  width,
  dashed,
  text,
}: {
  colour: string;
  width: number;
  dashed?: boolean;
  text: string;
}) {
  return (
    <Space size={6}>
      <svg width="28" height="10" aria-hidden="true">
        <line
          x1="0"
          y1="5"
          x2="28"
          y2="5"
          stroke={colour}
          strokeWidth={width}
          strokeDasharray={dashed ? '5 4' : undefined}
        />
      </svg>
      <Typography.Text>{text}</Typography.Text>
    </Space>
  );
}
