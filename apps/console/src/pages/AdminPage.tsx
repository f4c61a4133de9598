import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Table, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { call, http } from '../api/client';
import type { Session } from '../api/session';
import type { CreateUnit, CreateUser, Unit } from '../api/types';
import { labelOf, useI18n } from '../i18n/i18n';
import { errorText } from './errors';

const ROLES = [
  'grid_worker',
  'community_police',
  'judicial_officer',
  'lawyer',
  'panel_member',
  'supervisor',
  'admin',
];
const INSTITUTIONS = ['police_station', 'judicial_office', 'law_firm', 'court'];

function unitTree(units: Unit[], parent: string | null): DataNode[] {
  return units
    .filter((u) => (u.parentCode ?? null) === parent)
    .map((u) => ({
      key: u.code,
      title: `${u.name}（${u.code}）`,
      children: unitTree(units, u.code),
    }));
}

export default function AdminPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [unitForm] = Form.useForm();
  const [userForm] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const units = useQuery({
    queryKey: ['admin', 'units'],
    queryFn: () => call(http.GET('/admin/units')),
  });
  const users = useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => call(http.GET('/admin/users')),
  });
  const saved = (form: typeof unitForm) => () => {
    void message.success(t('admin.saved'));
    setError(null);
    form.resetFields();
    void queryClient.invalidateQueries({ queryKey: ['admin'] });
  };
  const addUnit = useMutation({
    mutationFn: (v: CreateUnit) => call(http.POST('/admin/units', { body: v })),
    onSuccess: saved(unitForm),
    onError: (e) => setError(errorText(t, e)),
  });
  const addUser = useMutation({
    mutationFn: (v: CreateUser) => call(http.POST('/admin/users', { body: v })),
    onSuccess: saved(userForm),
    onError: (e) => setError(errorText(t, e)),
  });
  const role = Form.useWatch<string>('role', userForm);
  const unitOptions = (units.data ?? []).map((u) => ({
    value: u.code,
    label: `${u.name}（${labelOf(t, 'kind', u.kind)}）`,
  }));
  const required = { required: true, message: ' ' };

  return (
    <Row gutter={[16, 16]}>
      {error && (
        <Col span={24}>
          <Alert
            type="error"
            showIcon
            message={error}
            closable
            onClose={() => setError(null)}
            role="alert"
          />
        </Col>
      )}
      <Col xs={24} lg={9}>
        <Card title={t('admin.units')} loading={units.isLoading}>
          <Tree
            defaultExpandAll
            treeData={unitTree(units.data ?? [], null)}
            key={units.data?.length ?? 0}
          />
          {session.user.role === 'admin' && (
            <Form
              form={unitForm}
              layout="vertical"
              onFinish={(v: CreateUnit) => addUnit.mutate(v)}
              style={{ marginTop: 16 }}
            >
              <Form.Item name="kind" label={t('admin.unit.kind')} rules={[required]}>
                <Select
                  options={['street', 'community', 'grid'].map((k) => ({
                    value: k,
                    label: labelOf(t, 'kind', k),
                  }))}
                />
              </Form.Item>
              <Form.Item name="code" label={t('admin.unit.code')} rules={[required]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="name" label={t('admin.unit.name')} rules={[required]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="parentCode" label={t('admin.unit.parent')}>
                <Select allowClear options={unitOptions} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={addUnit.isPending}>
                {t('admin.unit.add')}
              </Button>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card title={t('admin.users')}>
          <Table
            size="small"
            rowKey="id"
            loading={users.isLoading}
            dataSource={users.data ?? []}
            pagination={{ pageSize: 10 }}
            scroll={{ x: true }}
            columns={[
              { title: t('admin.user.displayName'), dataIndex: 'displayName' },
              { title: t('admin.user.username'), dataIndex: 'username' },
              {
                title: t('admin.user.role'),
                dataIndex: 'role',
                render: (v: string, u) => (
                  <>
                    {labelOf(t, 'role', v)}
                    {u.institution ? (
                      <Tag style={{ marginLeft: 6 }}>
                        {labelOf(t, 'institution', u.institution)}
                      </Tag>
                    ) : null}
                  </>
                ),
              },
              {
                title: t('admin.user.unit'),
                dataIndex: 'unitCode',
                // The unit's name (抚河第一网格) with its code: the admin types codes in the forms.
                render: (code: string | null) => {
                  const name = code ? units.data?.find((u) => u.code === code)?.name : undefined;
                  return name ? `${name}（${code}）` : (code ?? '');
                },
              },
            ]}
          />
          <Form
            form={userForm}
            layout="vertical"
            onFinish={(v: CreateUser) => addUser.mutate(v)}
            style={{ marginTop: 16 }}
          >
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="displayName"
                  label={t('admin.user.displayName')}
                  rules={[required]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="username" label={t('admin.user.username')} rules={[required]}>
                  <Input maxLength={64} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="role" label={t('admin.user.role')} rules={[required]}>
                  <Select
                    options={ROLES.map((r) => ({ value: r, label: labelOf(t, 'role', r) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="unitCode" label={t('admin.user.unit')} rules={[required]}>
                  <Select options={unitOptions} showSearch optionFilterProp="label" />
                </Form.Item>
              </Col>
              {role === 'panel_member' && (
                <Col xs={24} md={12}>
                  <Form.Item
                    name="institution"
                    label={t('admin.user.institution')}
                    rules={[required]}
                  >
                    <Select
                      options={INSTITUTIONS.map((i) => ({
                        value: i,
                        label: labelOf(t, 'institution', i),
                      }))}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item name="password" label={t('admin.user.password')} rules={[required]}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={addUser.isPending}>
              {t('admin.user.add')}
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
