import '../../police/messages';
import { DeleteOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Avatar,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Grid,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { call, http } from '../../api/client';
import { usePlaceNames, useUnitList } from '../../api/place-names';
import type { Session } from '../../api/session';
import type { User } from '../../api/types';
import { formatTime } from '../../components/labels';
import { labelOf, useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { send } from '../../police/http';
import { TEAM_ROLES, type Team, type TeamRole } from '../../police/types';
import { errorText } from '../errors';

/** How many of each role a full 1+1+2+N+N team has (N: at least one grid worker). */
const NEEDED: Record<TeamRole, number | null> = {
  cadre: 1,
  community_police: 1,
  auxiliary_police: 2,
  grid_worker: null,
  volunteer: null,
};
const ROLE_COLOR: Record<TeamRole, string> = {
  cadre: '#7c3aed',
  community_police: '#1f4e9c',
  auxiliary_police: '#0e7490',
  grid_worker: '#15803d',
  volunteer: '#b45309',
};
/** The system role a team role is held by (docs/api.md "The team"). */
const HELD_BY: Record<TeamRole, string> = {
  cadre: 'supervisor',
  community_police: 'community_police',
  auxiliary_police: 'auxiliary_police',
  grid_worker: 'grid_worker',
  volunteer: 'volunteer',
};

/** 警格团队: the community's 1+1+2+N+N team, and its membership for admins and supervisors. */
export default function TeamPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const role = session.user.role;
  const edits = role === 'admin' || role === 'supervisor';
  const ownCommunity =
    role === 'community_police' || role === 'auxiliary_police' ? session.user.unitCode : null;

  // Grid workers and volunteers know their grid; its community is in the unit list.
  const places = useUnitList();
  const unitName = usePlaceNames();
  const units = useQuery({
    queryKey: ['units'],
    queryFn: () => call(http.GET('/admin/units')),
    enabled: edits,
  });
  const communities = (units.data ?? []).filter(
    (u) => u.kind === 'community' && (role === 'admin' || u.parentCode === session.user.unitCode),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const community =
    picked ??
    ownCommunity ??
    places.data?.find((u) => u.code === session.user.unitCode)?.communityCode ??
    communities[0]?.code ??
    null;

  const team = useQuery({
    queryKey: ['team', community],
    queryFn: () =>
      call(http.GET('/communities/{code}/team', { params: { path: { code: community } } })),
    enabled: Boolean(community),
  });
  const hideNames = role === 'volunteer';
  const data = team.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }} align="start">
        <div>
          <Typography.Title level={2} style={{ fontSize: phone ? 20 : 22, margin: 0 }}>
            {t('team.title')}
            {data ? ` · ${data.community.name}` : ''}
          </Typography.Title>
          <Typography.Text type="secondary">{t('team.lead')}</Typography.Text>
        </div>
        {edits && communities.length > 0 && (
          <Select
            value={community ?? undefined}
            onChange={setPicked}
            aria-label={t('team.pickCommunity')}
            style={{ width: 200 }}
            options={communities.map((c) => ({ value: c.code, label: c.name }))}
          />
        )}
      </Space>
      {(team.error ?? places.error ?? units.error) && (
        <Alert
          type="error"
          showIcon
          message={errorText(t, team.error ?? places.error ?? units.error)}
        />
      )}
      {hideNames && <Alert type="info" showIcon message={t('team.hidden')} />}
      {data && (
        <Card size="small">
          <Space wrap size={[24, 8]} align="center">
            <Typography.Text strong style={{ fontSize: 28, color: '#1f4e9c', letterSpacing: 2 }}>
              {t('team.formula')}
            </Typography.Text>
            {TEAM_ROLES.map((r) => (
              <Space key={r} direction="vertical" size={0} style={{ textAlign: 'center' }}>
                <Typography.Text style={{ fontSize: 22, fontWeight: 600, color: ROLE_COLOR[r] }}>
                  {data.counts[r]}
                  {NEEDED[r] ? (
                    <span style={{ fontSize: 14, color: '#4b5563' }}>/{NEEDED[r]}</span>
                  ) : null}
                </Typography.Text>
                <Typography.Text type="secondary">{labelOf(t, 'team.role', r)}</Typography.Text>
              </Space>
            ))}
            {data.gaps.length === 0 ? (
              <Tag
                bordered={false}
                style={{
                  fontSize: 14,
                  padding: '2px 10px',
                  background: '#e8f5e9',
                  color: '#1b5e20',
                }}
              >
                {t('team.complete')}
              </Tag>
            ) : (
              <Tag
                bordered={false}
                style={{
                  fontSize: 14,
                  padding: '2px 10px',
                  background: '#fff1d6',
                  color: '#7a4a00',
                }}
              >
                {t('team.gaps', { gaps: gapText(t, data) })}
              </Tag>
            )}
          </Space>
        </Card>
      )}
      {data && (
        <Row gutter={[16, 16]}>
          {TEAM_ROLES.map((r) => {
            const members = data.members.filter((m) => m.teamRole === r);
            return (
              <Col key={r} xs={24} md={12} xl={8}>
                <Card
                  size="small"
                  title={
                    <Space>
                      <span
                        aria-hidden
                        style={{
                          display: 'inline-block',
                          width: 10,
                          height: 10,
                          borderRadius: 5,
                          background: ROLE_COLOR[r],
                        }}
                      />
                      {labelOf(t, 'team.role', r)}
                      <Typography.Text type="secondary">{members.length}</Typography.Text>
                    </Space>
                  }
                  style={{ height: '100%', borderTop: `3px solid ${ROLE_COLOR[r]}` }}
                >
                  {members.length === 0 ? (
                    <Typography.Text type="secondary">{t('team.empty')}</Typography.Text>
                  ) : (
                    <List
                      size="small"
                      dataSource={members}
                      renderItem={(m) => (
                        <List.Item
                          actions={
                            edits
                              ? [
                                  <RemoveButton
                                    key="remove"
                                    community={data.community.code}
                                    userId={m.userId}
                                    name={m.displayName}
                                  />,
                                ]
                              : []
                          }
                        >
                          <List.Item.Meta
                            avatar={
                              <Avatar
                                style={{ background: ROLE_COLOR[r] }}
                                icon={<UserOutlined />}
                              />
                            }
                            title={hideNames ? labelOf(t, 'team.role', r) : m.displayName}
                            description={
                              hideNames
                                ? null
                                : `${unitName(m.unitCode)} · ${t('team.since', { time: formatTime(m.addedAt).slice(0, 10) })}`
                            }
                          />
                        </List.Item>
                      )}
                    />
                  )}
                </Card>
              </Col>
            );
          })}
          {edits && (
            <Col xs={24} md={12} xl={8}>
              <AddMember
                community={data.community.code}
                street={data.community.streetCode}
                team={data}
              />
            </Col>
          )}
        </Row>
      )}
      {data && edits && <Changes community={data.community.code} team={data} />}
      {!community && !team.isLoading && <Empty description={t('team.empty')} />}
    </Space>
  );
}

function gapText(t: ReturnType<typeof useI18n>['t'], team: Team): string {
  const parts: string[] = [];
  if (team.counts.cadre < 1) parts.push(t('team.gap.cadre'));
  if (team.counts.community_police < 1) parts.push(t('team.gap.police'));
  if (team.counts.auxiliary_police < 2)
    parts.push(t('team.gap.auxiliary', { n: team.counts.auxiliary_police }));
  if (team.counts.grid_worker < 1) parts.push(t('team.gap.grid'));
  return parts.join('、');
}

function RemoveButton({
  community,
  userId,
  name,
}: {
  community: string;
  userId: string;
  name: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => send('DELETE', `/communities/${community}/team/${userId}`),
    onSuccess: () => {
      void message.success(t('team.removed'));
      void queryClient.invalidateQueries({ queryKey: ['team'] });
      void queryClient.invalidateQueries({ queryKey: ['team-changes'] });
    },
    onError: (e) => void message.error(errorText(t, e)),
  });
  return (
    <Popconfirm
      title={t('team.remove.confirm', { name })}
      okText={t('common.yes')}
      cancelText={t('common.no')}
      onConfirm={() => remove.mutate()}
    >
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={`${t('team.remove')} ${name}`}
      />
    </Popconfirm>
  );
}

function AddMember({ community, street, team }: { community: string; street: string; team: Team }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ teamRole: TeamRole; userId: string }>();
  const teamRole = Form.useWatch('teamRole', form) ?? 'grid_worker';
  const [error, setError] = useState<string | null>(null);
  const users = useQuery({ queryKey: ['users'], queryFn: () => call(http.GET('/admin/users')) });
  const units = useQuery({ queryKey: ['units'], queryFn: () => call(http.GET('/admin/units')) });
  const grids = new Set(
    (units.data ?? [])
      .filter((u) => u.kind === 'grid' && u.parentCode === community)
      .map((u) => u.code),
  );
  const already = new Set(team.members.map((m) => m.userId));
  // Only people the API would accept for the role (docs/api.md): the picker never offers a 400.
  const fits = (u: User) =>
    u.role === HELD_BY[teamRole] &&
    !already.has(u.id) &&
    (teamRole === 'cadre'
      ? u.unitCode === street
      : teamRole === 'community_police' || teamRole === 'auxiliary_police'
        ? u.unitCode === community
        : grids.has(u.unitCode ?? ''));
  const add = useMutation({
    mutationFn: (v: { teamRole: TeamRole; userId: string }) =>
      call(
        http.POST('/communities/{code}/team', { params: { path: { code: community } }, body: v }),
      ),
    onSuccess: () => {
      void message.success(t('team.add.done'));
      form.resetFields(['userId']);
      void queryClient.invalidateQueries({ queryKey: ['team'] });
      void queryClient.invalidateQueries({ queryKey: ['team-changes'] });
    },
    onError: (e) => setError(errorText(t, e)),
  });
  return (
    <Card
      size="small"
      title={
        <>
          <PlusOutlined /> {t('team.add')}
        </>
      }
      style={{ height: '100%' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ teamRole: 'grid_worker' }}
        onFinish={(v) => {
          setError(null);
          add.mutate(v);
        }}
      >
        <Form.Item name="teamRole" label={t('team.add.role')}>
          <Select
            options={TEAM_ROLES.map((r) => ({ value: r, label: labelOf(t, 'team.role', r) }))}
            onChange={() => form.resetFields(['userId'])}
          />
        </Form.Item>
        <Form.Item
          name="userId"
          label={t('team.add.user')}
          rules={[{ required: true, message: t('login.required', { field: t('team.add.user') }) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={users.isLoading}
            options={(users.data ?? []).filter(fits).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.unitCode ?? ''}）`,
            }))}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={add.isPending} block>
          {t('team.add')}
        </Button>
      </Form>
    </Card>
  );
}

function Changes({ community, team }: { community: string; team: Team }) {
  const { t } = useI18n();
  const changes = useQuery({
    queryKey: ['team-changes', community],
    queryFn: () =>
      call(http.GET('/communities/{code}/team/changes', { params: { path: { code: community } } })),
  });
  const names = new Map(team.members.map((m) => [m.userId, m.displayName]));
  const recent = [...(changes.data ?? [])].reverse().slice(0, 20);
  return (
    <Card size="small" title={t('team.changes')} loading={changes.isLoading}>
      {recent.length === 0 ? (
        <Typography.Text type="secondary">{t('team.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={recent.map((c) => ({
            color: c.change === 'added' ? 'green' : 'red',
            children: (
              <span>
                {formatTime(c.at)} · {t(`team.change.${c.change}` as MessageKey)}{' '}
                {labelOf(t, 'team.role', c.teamRole)} {names.get(c.userId) ?? ''}
              </span>
            ),
          }))}
        />
      )}
    </Card>
  );
}
