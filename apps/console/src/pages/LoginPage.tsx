import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call, http } from '../api/client';
import type { Session } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { errorText } from './errors';

export function LoginPage({ onLogin }: { onLogin: (s: Session) => void }) {
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await call(http.POST('/auth/login', { body: values }));
      onLogin({ accessToken: res.accessToken, user: res.user });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('login.failed') : errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #1f4e9c 0%, #2f6fd1 55%, #eef3fb 55%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <div aria-hidden style={{ fontSize: 28, letterSpacing: 2 }}>
            <span style={{ color: '#1677ff' }}>●</span>
            <span style={{ color: '#d4a106' }}>●</span>
            <span style={{ color: '#cf1322' }}>●</span>
          </div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0 4px' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </div>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => void submit(v)}
          requiredMark={false}
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[
              { required: true, message: t('login.required', { field: t('login.username') }) },
            ]}
          >
            <Input size="large" prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[
              { required: true, message: t('login.required', { field: t('login.password') }) },
            ]}
          >
            <Input.Password
              size="large"
              prefix={<LockOutlined />}
              autoComplete="current-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button type="link" onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}>
            {t('lang.switch')}
          </Button>
        </div>
      </Card>
    </main>
  );
}
