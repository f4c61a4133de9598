import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { Tier } from '../api/types';
import { labelOf, useI18n, type Translate } from '../i18n/i18n';

/** The tier's colour for borders and marks; TIER_TAG for text on it (WCAG AA contrast). */
export const TIER_COLOR: Record<Tier, string> = {
  blue: '#0958d9',
  yellow: '#d4a106',
  red: '#cf1322',
};
const TIER_TAG: Record<Tier, { background: string; color: string }> = {
  blue: { background: '#0958d9', color: '#fff' },
  yellow: { background: '#ffd666', color: '#3d2c00' },
  red: { background: '#cf1322', color: '#fff' },
};

export function TierTag({ tier }: { tier: Tier }) {
  const { t } = useI18n();
  return (
    <Tag bordered={false} style={{ ...TIER_TAG[tier], fontWeight: 600 }}>
      {labelOf(t, 'tier', tier)}
    </Tag>
  );
}

export function StatusTag({ status, outcome }: { status: string; outcome?: string | null }) {
  const { t } = useI18n();
  return (
    <Tag>
      {labelOf(t, 'status', status)}
      {outcome ? ` · ${labelOf(t, 'outcome', outcome)}` : ''}
    </Tag>
  );
}

/** "剩余 2天3小时" / "已逾期 5小时", in whole units a person reads at a glance. */
export function countdown(
  t: Translate,
  dueAt: string,
  now = Date.now(),
): { text: string; late: boolean } {
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.max(1, Math.floor((abs % 3_600_000) / 60_000));
  const time =
    days > 0
      ? t('time.days', { n: days }) + (hours ? t('time.hours', { n: hours }) : '')
      : hours > 0
        ? t('time.hours', { n: hours })
        : t('time.minutes', { n: minutes });
  return ms >= 0
    ? { text: t('deadline.left', { time }), late: false }
    : { text: t('deadline.overdue', { time }), late: true };
}

export function Countdown({
  dueAt,
  status,
  overdue,
}: {
  dueAt: string | null;
  status: string;
  overdue?: boolean;
}) {
  const { t } = useI18n();
  if (status === 'suspended') return <Tag>{t('deadline.paused')}</Tag>;
  if (!dueAt) return <span style={{ color: '#6b7280' }}>{t('deadline.none')}</span>;
  const { text, late } = countdown(t, dueAt);
  return (
    <span
      title={dayjs(dueAt).format('YYYY-MM-DD HH:mm')}
      style={{ color: late || overdue ? '#cf1322' : '#374151', fontWeight: late ? 600 : 400 }}
    >
      {text}
    </span>
  );
}

/** Shanghai wall time, the way the office reads dates. */
export const formatTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
