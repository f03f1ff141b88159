/**
 * Đăng ký tài khoản doanh nghiệp (public, no sign-in): an employee of a company in the province's registry asks for
 * an applicant account. The company is found by its exact tax code (the page learns its name, nothing else); the
 * account works once the DOST confirms it (POST /api/public/account-requests; the officer's page is
 * accounts/account-requests.page.tsx). The form is checked with the server's schema, and the server's field problems
 * (unknown tax code, taken username, a refused password) land on their fields.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Result, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { AccountRequestInput } from '../../../shared/schemas/account-requests.ts';
import { TaxCode } from '../../../shared/schemas/organizations.ts';
import { api, isApiError, setCsrfToken, type Schemas } from '../../api.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { applyServerErrors, validateWith, zodRules } from '../../form-validation.ts';

export const REGISTER_PATH = '/dang-ky';

const FIELDS = ['province', 'taxCode', 'displayName', 'position', 'email', 'phone', 'username', 'password'] as const;
type Values = Record<(typeof FIELDS)[number], string | undefined>;

export function RegisterPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const [provinces, setProvinces] = useState<{ slug: string; name: string }[]>([]);
  const [found, setFound] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Schemas['AccountRequestReceipt'] | null>(null);

  useEffect(() => {
    let live = true;
    api.get('/api/public/account-requests/form').then((f) => {
      if (!live) return;
      setCsrfToken(f.csrfToken);
      setProvinces(f.provinces);
      const asked = params.get('province');
      const initial = f.provinces.find((p) => p.slug === asked) ?? f.provinces.find((p) => p.slug === 'tay-ninh') ?? f.provinces[0];
      if (initial && !form.getFieldValue('province')) form.setFieldValue('province', initial.slug);
    }).catch((e: unknown) => setError(isApiError(e) ? e.message : String(e)));
    return () => { live = false; };
  }, [form, params]);

  /** The organisation's name for the tax code typed, or the reason on the field. */
  const lookUp = async () => {
    setFound(null);
    const { province, taxCode } = form.getFieldsValue(['province', 'taxCode']) as Values;
    if (!province || !taxCode || !TaxCode.safeParse(taxCode).success) {
      await form.validateFields(['taxCode']).catch(() => undefined);
      return;
    }
    try {
      const org = await api.get('/api/public/account-requests/organization', { query: { province, taxCode: taxCode.trim() } });
      setFound(org.name);
      form.setFields([{ name: 'taxCode', errors: [] }]);
    } catch (e) {
      if (!(isApiError(e) && applyServerErrors(form, e, FIELDS))) setError(isApiError(e) ? e.message : String(e));
    }
  };

  const submit = async (values: Values) => {
    const checked = validateWith(AccountRequestInput, values);
    if (!checked.ok) {
      form.setFields(checked.fields);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setDone(await api.post('/api/public/account-requests', { body: checked.data }));
    } catch (e) {
      const onFields = isApiError(e) && applyServerErrors(form, e, FIELDS);
      setError(isApiError(e) ? e.message : String(e));
      if (onFields) setFound(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex component="main" justify="center" style={{ minHeight: '100vh', background: '#eef3f9', padding: 16 }}>
      <Card style={{ width: 640, maxWidth: '100%', alignSelf: 'flex-start' }}>
        <Flex justify="end" style={{ marginBottom: 12 }}><LanguageSwitch /></Flex>
        {done ? (
          <Result
            status="success"
            title={<PageTitle>{t('register.doneTitle')}</PageTitle>}
            subTitle={(
              <Space orientation="vertical">
                <span>{t('register.done', { username: done.username, organization: done.organizationName })}</span>
                {done.mailed && <span>{t('register.doneMailed')}</span>}
              </Space>
            )}
            extra={<Link to="/login"><Button type="primary">{t('register.backToLogin')}</Button></Link>}
          />
        ) : (
          <>
            <PageTitle>{t('register.title')}</PageTitle>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('register.intro')}</Typography.Paragraph>
            {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
            <Form form={form} layout="vertical" name="register" onFinish={submit} requiredMark={false} autoComplete="on">
              <Typography.Title level={2} style={{ fontSize: 16 }}>{t('register.company')}</Typography.Title>
              <Form.Item name="province" label={t('register.province')} rules={[{ required: true, message: t('form.required') }]}>
                <Select options={provinces.map((p) => ({ value: p.slug, label: p.name }))} onChange={() => setFound(null)} />
              </Form.Item>
              <Form.Item label={t('register.taxCode')} htmlFor="register_taxCode" required extra={t('register.taxCodeHint')}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="taxCode" noStyle rules={zodRules(AccountRequestInput, 'taxCode')}>
                    <Input id="register_taxCode" inputMode="numeric" onBlur={() => void lookUp()} onChange={() => setFound(null)} />
                  </Form.Item>
                  <Button onClick={() => void lookUp()}>{t('register.check')}</Button>
                </Space.Compact>
              </Form.Item>
              {found && <Alert type="success" showIcon title={t('register.found', { name: found })} style={{ marginBottom: 16 }} data-testid="register-found" />}

              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>{t('register.person')}</Typography.Title>
              <Form.Item name="displayName" label={t('register.displayName')} rules={zodRules(AccountRequestInput, 'displayName')}>
                <Input autoComplete="name" />
              </Form.Item>
              <Form.Item name="position" label={t('register.position')} rules={zodRules(AccountRequestInput, 'position')}>
                <Input autoComplete="organization-title" />
              </Form.Item>
              <Form.Item name="email" label={t('register.email')} rules={zodRules(AccountRequestInput, 'email')}>
                <Input type="email" autoComplete="email" />
              </Form.Item>
              <Form.Item name="phone" label={t('register.phone')} rules={zodRules(AccountRequestInput, 'phone')}>
                <Input type="tel" autoComplete="tel" />
              </Form.Item>

              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>{t('register.account')}</Typography.Title>
              <Form.Item name="username" label={t('register.username')} rules={zodRules(AccountRequestInput, 'username')} extra={t('user.usernameHint')}>
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item name="password" label={t('register.password')} rules={zodRules(AccountRequestInput, 'password')} extra={t('user.passwordHint')}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Flex gap={12} wrap justify="space-between" align="center">
                <Link to="/login">{t('register.backToLogin')}</Link>
                <Button type="primary" htmlType="submit" loading={busy}>{t('register.submit')}</Button>
              </Flex>
            </Form>
          </>
        )}
      </Card>
    </Flex>
  );
}
