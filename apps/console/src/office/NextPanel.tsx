import './messages';
import { AlertOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { loadSession } from '../api/session';
import { formatTime } from '../components/labels';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../pages/errors';
import { call, http } from '../api/client';
import type { SupervisionNotice } from './types';
import { ToneTag } from './tone';

/** The form a supervisor presses a case with (督办): why, and by when the handler must act. */
export function SuperviseModal({
  disputeId,
  title,
  open,
  onClose,
}: {
  disputeId: string;
  title: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string; dueBy: Dayjs }>();
  const [problem, setProblem] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: (v: { reason: string; dueBy: Dayjs }) =>
      call(
        http.POST('/disputes/{id}/supervision', {
          params: { path: { id: disputeId } },
          body: { reason: v.reason, dueBy: v.dueBy.toISOString() },
        }),
      ),
    onSuccess: () => {
      void message.success(t('supervise.issued'));
      form.resetFields();
      setProblem(null);
      onClose();
      void queryClient.invalidateQueries({ queryKey: ['dispute', disputeId] });
      void queryClient.invalidateQueries({ queryKey: ['supervision'] });
    },
    onError: (error) => setProblem(errorText(t, error)),
  });
  return (
    <Modal
      open={open}
      title={t('supervise.title', { title })}
      okText={t('supervise.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && (
        <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dueBy: dayjs().add(1, 'day').hour(17).minute(30).second(0) }}
        onFinish={(v) => issue.mutate(v)}
      >
        <Form.Item
          name="reason"
          label={t('supervise.reason')}
          rules={[{ required: true, whitespace: true, message: t('supervise.reason.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('supervise.reason.example')} />
        </Form.Item>
        <Form.Item
          name="dueBy"
          label={t('supervise.dueBy')}
          rules={[
            { required: true, message: t('supervise.dueBy.required') },
            {
              validator: (_r, v: Dayjs | undefined) =>
                !v || v.isAfter(dayjs())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('supervise.dueBy.future'))),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 下一步: what is due next and by when, in working time, as the API words it from the
 * statechart and the armed timers; and the supervision notices (督办) on the case.
 */
export function NextPanel({ disputeId, title }: { disputeId: string; title: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const role = loadSession()?.user.role ?? '';
  const [pressing, setPressing] = useState(false);
  const [answering, setAnswering] = useState<SupervisionNotice | null>(null);
  const [note, setNote] = useState('');

  const next = useQuery({
    queryKey: ['dispute', disputeId, 'next', lang],
    queryFn: () =>
      call(
        http.GET('/disputes/{id}/next', {
          params: {
            path: { id: disputeId },
            query: { lang: lang === 'en-US' ? 'en' : 'zh' },
            header: { 'accept-language': lang },
          },
        }),
      ),
  });
  const notices = useQuery({
    queryKey: ['dispute', disputeId, 'supervision'],
    queryFn: () =>
      call(http.GET('/disputes/{id}/supervision', { params: { path: { id: disputeId } } })),
  });
  const acknowledge = useMutation({
    mutationFn: (n: SupervisionNotice) =>
      call(
        http.POST('/disputes/{id}/supervision/{noticeId}/acknowledge', {
          params: { path: { id: disputeId, noticeId: n.id } },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    onSuccess: () => {
      void message.success(t('supervise.acknowledged'));
      setAnswering(null);
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['dispute', disputeId] });
    },
    onError: (error) => void message.error(errorText(t, error)),
  });

  const steps = next.data?.steps ?? [];
  const list = notices.data ?? [];
  const supervisor = role === 'supervisor' || role === 'admin';

  return (
    <Card
      title={
        <Space>
          <ClockCircleOutlined aria-hidden />
          {t('next.title')}
        </Space>
      }
      extra={
        supervisor && next.data && next.data.status !== 'closed' ? (
          <Button danger icon={<AlertOutlined />} onClick={() => setPressing(true)}>
            {t('supervise.press')}
          </Button>
        ) : null
      }
    >
      {next.error ? (
        <Alert type="warning" message={errorText(t, next.error)} />
      ) : (
        <List
          size="small"
          loading={next.isLoading}
          dataSource={steps}
          locale={{ emptyText: t('next.none') }}
          renderItem={(s) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Typography.Text strong={s.kind === 'deadline'}>{s.text}</Typography.Text>
                {s.dueAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('next.due', { at: formatTime(s.dueAt) })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}
      >
        {t('next.workingTime')}
      </Typography.Paragraph>

      {list.length > 0 && (
        <section aria-labelledby="supervision-notices" style={{ marginTop: 16 }}>
          <Typography.Title level={3} id="supervision-notices" style={{ fontSize: 16 }}>
            {t('supervise.notices')}
          </Typography.Title>
          <List
            size="small"
            dataSource={[...list].reverse()}
            renderItem={(n) => (
              <List.Item
                actions={
                  n.open && !supervisor
                    ? [
                        <Button
                          key="ack"
                          size="small"
                          type="primary"
                          onClick={() => setAnswering(n)}
                        >
                          {t('supervise.acknowledge')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={2}>
                  <Space wrap>
                    {n.open ? (
                      <ToneTag tone={Date.parse(n.dueBy) < Date.now() ? 'danger' : 'warn'}>
                        {Date.parse(n.dueBy) < Date.now()
                          ? t('supervise.state.late')
                          : t('supervise.state.open')}
                      </ToneTag>
                    ) : (
                      <ToneTag tone="ok">{t('supervise.state.done')}</ToneTag>
                    )}
                    <Typography.Text>{n.reason}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('supervise.line', {
                      issued: formatTime(n.issuedAt),
                      due: formatTime(n.dueBy),
                    })}
                  </Typography.Text>
                  {n.acknowledgedAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('supervise.answer', {
                        at: formatTime(n.acknowledgedAt),
                        note: n.acknowledgement ?? '',
                      })}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </section>
      )}

      <SuperviseModal
        disputeId={disputeId}
        title={title}
        open={pressing}
        onClose={() => setPressing(false)}
      />
      <Modal
        open={answering !== null}
        title={t('supervise.acknowledge')}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={acknowledge.isPending}
        onOk={() => answering && acknowledge.mutate(answering)}
        onCancel={() => setAnswering(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{answering?.reason}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          aria-label={t('supervise.acknowledge.note')}
          placeholder={t('supervise.acknowledge.example')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
