import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { LoginInput } from '../../shared/schemas/auth.ts';
import { isApiError } from '../api.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { validateWith } from '../form-validation.ts';
import { useSession } from '../session.tsx';
import { REGISTER_PATH } from './register/register.page.tsx';

interface LoginValues { username: string; password: string }

export function LoginPage() {
  const { t } = useTranslation();
  const { status, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (status === 'signed-in') return <Navigate to={from === '/login' ? '/' : from} replace />;

  const submit = async (values: LoginValues) => {
    const checked = validateWith(LoginInput, values as unknown as Record<string, unknown>);
    if (!checked.ok) {
      form.setFields(checked.fields);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(checked.data.username, checked.data.password);
      navigate(from === '/login' ? '/' : from, { replace: true });
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex component="main" justify="center" align="center" style={{ minHeight: '100vh', background: '#eef3f9', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        {/* The language switch comes first in the tab order, before the form (no field takes the focus on load). */}
        <Flex justify="end" style={{ marginBottom: 12 }}><LanguageSwitch /></Flex>
        <PageTitle>{t('app.title')}</PageTitle>
        <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        <Typography.Title level={2} style={{ marginTop: 16, fontSize: 18 }}>{t('login.title')}</Typography.Title>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('form.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
        {/* Enterprises ask for their own accounts; the DOST confirms them. */}
        <Flex justify="center" style={{ marginTop: 16 }}><Link to={REGISTER_PATH}>{t('register.link')}</Link></Flex>
      </Card>
    </Flex>
  );
}
