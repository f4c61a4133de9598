import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { labelOf, useI18n } from '../i18n/i18n';
import type { Report } from './types';

// Text on these backgrounds passes WCAG AA (axe checks every page).
const URGENCY_STYLE: Record<string, { background: string; color: string }> = {
  low: { background: '#f0f2f5', color: '#374151' },
  normal: { background: '#e6f0ff', color: '#0b3d91' },
  high: { background: '#fff1d6', color: '#7a4a00' },
  urgent: { background: '#cf1322', color: '#ffffff' },
};

export function UrgencyTag({ urgency }: { urgency: string }) {
  const { t } = useI18n();
  return (
    <Tag bordered={false} style={{ ...URGENCY_STYLE[urgency], fontWeight: 600 }}>
      {labelOf(t, 'urgency', urgency)}
    </Tag>
  );
}

const STATUS_STYLE: Record<string, { background: string; color: string }> = {
  open: { background: '#e6f0ff', color: '#0b3d91' },
  handled: { background: '#e8f5e9', color: '#1b5e20' },
  converted: { background: '#f3e8ff', color: '#5b21b6' },
};

/** The report's status, and the overdue flag when nobody looked at it in time. */
export function ReportStatusTag({ report }: { report: Report }) {
  const { t } = useI18n();
  return (
    <>
      <Tag bordered={false} style={STATUS_STYLE[report.status]}>
        {labelOf(t, 'reportStatus', report.status)}
      </Tag>
      {report.overdue && (
        <Tag
          bordered={false}
          icon={<WarningOutlined />}
          style={{ background: '#cf1322', color: '#fff', fontWeight: 600 }}
        >
          {t('reports.overdue')}
          {report.overdueFlaggedAt ? ` · ${t('reports.overdue.flagged')}` : ''}
        </Tag>
      )}
      {report.status === 'open' && !report.overdue && report.lookedAt === null && (
        <Tag
          bordered={false}
          icon={<ClockCircleOutlined />}
          style={{ background: '#f0f2f5', color: '#374151' }}
        >
          {t('reports.reviewDue', { time: dayjs(report.reviewDueAt).format('MM-DD HH:mm') })}
        </Tag>
      )}
    </>
  );
}
