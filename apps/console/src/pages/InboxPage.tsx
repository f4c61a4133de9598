import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { call, http } from '../api/client';
import { formatTime } from '../components/labels';
import { labelOf, useI18n } from '../i18n/i18n';
import { errorText } from './errors';

// Text and background that pass WCAG AA contrast.
const KIND_STYLE: Record<string, { color: string; background: string }> = {
  overdue: { color: '#fff', background: '#cf1322' },
  escalation: { color: '#873800', background: '#ffe7ba' },
  reminder: { color: '#003eb3', background: '#e6f4ff' },
};

export default function InboxPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: ['inbox', 'list'],
    queryFn: () => call(http.GET('/me/notifications', { params: { query: { pageSize: 50 } } })),
    refetchInterval: 15_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  const readOne = useMutation({
    mutationFn: (id: string) =>
      call(http.POST('/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => call(http.POST('/me/notifications/read-all')),
    onSuccess: refresh,
  });

  return (
    <Card
      title={
        <Space>
          {t('inbox.title')}
          <Badge count={inbox.data?.unread ?? 0} />
        </Space>
      }
      extra={
        <Button
          onClick={() => readAll.mutate()}
          disabled={!inbox.data?.unread}
          loading={readAll.isPending}
        >
          {t('inbox.readAll')}
        </Button>
      }
    >
      {inbox.error && <Alert type="error" showIcon message={errorText(t, inbox.error)} />}
      <List
        loading={inbox.isLoading}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
        renderItem={(n) => (
          <List.Item
            style={{ background: n.readAt ? undefined : '#f0f6ff', paddingInline: 12 }}
            actions={[
              n.disputeId && (
                <Link key="open" to={`/cases/${n.disputeId}`}>
                  {t('inbox.open')}
                </Link>
              ),
              !n.readAt && (
                <Button key="read" size="small" type="link" onClick={() => readOne.mutate(n.id)}>
                  {t('inbox.read')}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag bordered={false} style={KIND_STYLE[n.kind] ?? KIND_STYLE.reminder}>
                    {labelOf(t, 'notification', n.kind)}
                  </Tag>
                  <Typography.Text strong={!n.readAt}>{n.message}</Typography.Text>
                </Space>
              }
              description={formatTime(n.createdAt)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
