import { Empty, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Dispute } from '../api/types';
import { Countdown, StatusTag, TierTag } from '../components/labels';
import { useI18n } from '../i18n/i18n';
import { usePlaceNames } from '../api/place-names';

/** The queue at a desk: one row per case, soonest deadline first. */
export default function QueueTable({ items, loading }: { items: Dispute[]; loading: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const placeName = usePlaceNames();
  return (
    <Table<Dispute>
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, showTotal: (total) => t('queue.total', { total }) }}
      locale={{ emptyText: <Empty description={t('queue.empty')} /> }}
      onRow={(d) => ({
        onClick: () => void navigate(`/cases/${d.id}`),
        style: { cursor: 'pointer' },
      })}
      columns={[
        {
          title: t('queue.col.tier'),
          dataIndex: 'tier',
          width: 90,
          render: (_v, d) => <TierTag tier={d.tier} />,
        },
        {
          title: t('queue.col.title'),
          dataIndex: 'title',
          render: (_v, d) => (
            <Link to={`/cases/${d.id}`} onClick={(e) => e.stopPropagation()}>
              {d.title}
            </Link>
          ),
        },
        { title: t('queue.col.reference'), dataIndex: 'reference', width: 170 },
        {
          title: t('queue.col.status'),
          dataIndex: 'status',
          width: 200,
          render: (_v, d) => <StatusTag status={d.status} outcome={d.outcome} />,
        },
        {
          title: t('queue.col.deadline'),
          dataIndex: 'nextDeadlineAt',
          width: 170,
          render: (_v, d) => (
            <Countdown dueAt={d.nextDeadlineAt} status={d.status} overdue={d.overdue} />
          ),
        },
        {
          title: t('queue.col.grid'),
          dataIndex: 'gridCode',
          width: 140,
          render: (code: string) => placeName(code),
        },
      ]}
    />
  );
}
