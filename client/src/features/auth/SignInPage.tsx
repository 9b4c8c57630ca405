import { TranslationOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessageKey, toApiError } from '../../app/errors';
import { useI18n } from '../../i18n/i18n';
import { DEMO_ACCOUNTS, LOGIN } from './auth.graphql';
import { sessionStore } from './session-store';
import { homePath } from '../../app/route';

/**
 * Sign-in, with the demo accounts one click away when the server runs on demo data. `ended`: the
 * person was signed in until a moment ago (the sign-in ran out, was ended by an administrator, or
 * signed out elsewhere), so say why they are here.
 */
export function SignInPage({ ended = false }: { ended?: boolean }) {
  const { t, role, language, setLanguage } = useI18n();
  const [form] = Form.useForm<{ email: string; password: string }>();
  // Anonymous: a wrong password is an answer, not an expired session for the session link to renew.
  const [login, { loading }] = useMutation(LOGIN, { context: { anonymous: true } });
  const demo = useQuery(DEMO_ACCOUNTS, { context: { anonymous: true } });
  const [error, setError] = useState<string | null>(null);
  const [showAllStaff, setShowAllStaff] = useState(false);

  const submit = async ({ email, password }: { email: string; password: string }) => {
    setError(null);
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (!data) return;
      sessionStore.save(data.login);
      // A shared link opens after sign-in; the bare address opens the role's home (a coordinator's watch list).
      if (location.pathname === '/' && !location.search) history.replaceState(null, '', homePath(data.login.user.role));
      location.reload();
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.code === 'UNAUTHENTICATED') setError(t('wrongCredentials'));
      else if (apiError.code === 'RATE_LIMITED') setError(t('errorSignInThrottled'));
      else {
        const { key, params } = errorMessageKey(apiError);
        setError(t(key, params));
      }
    }
  };

  const accounts = demo.data?.demoAccounts ?? [];
  const roles = accounts.filter((a) => a.role !== 'STAFF');
  const staff = accounts.filter((a) => a.role === 'STAFF');
  const shownStaff = showAllStaff ? staff : staff.slice(0, 6);
  const pick = (email: string) => form.setFieldsValue({ email, password: 'demo' });

  return (
    <div className="sign-in">
      <Card className="sign-in__card">
        <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0, flex: 1 }}>{t('signInTitle')}</Typography.Title>
          <Button size="small" icon={<TranslationOutlined />} onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('language')}
          </Button>
        </div>
        <Typography.Paragraph type="secondary">{t('signInHint')}</Typography.Paragraph>
        {ended && <Alert type="warning" showIcon title={t('sessionEnded')} style={{ marginBottom: 16 }} data-testid="session-ended" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="email" label={t('email')} rules={[{ required: true, message: t('required') }]}>
            <Input autoComplete="username" autoFocus data-testid="email" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
            <Input.Password autoComplete="current-password" data-testid="password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={loading} data-testid="sign-in">
            {t('signIn')}
          </Button>
        </Form>
        {accounts.length > 0 && (
          <div className="sign-in__demo">
            <Typography.Text strong>{t('demoAccounts')}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{t('demoAccountsHint')}</Typography.Text>
            <List
              size="small"
              dataSource={[...roles, ...shownStaff]}
              renderItem={(a) => (
                <List.Item className="sign-in__account" onClick={() => pick(a.email)} data-testid={`demo-${a.email}`}>
                  <Tag color={a.role === 'STAFF' ? (a.departmentLeader ? 'gold' : 'default') : 'blue'}>{a.departmentLeader ? t('unitLeader') : role(a.role)}</Tag>
                  <span className="sign-in__email">{a.email}</span>
                  <span className="sign-in__dept">{a.departmentName ?? ''}</span>
                </List.Item>
              )}
            />
            {staff.length > shownStaff.length && (
              <Button type="link" size="small" onClick={() => setShowAllStaff(true)}>
                +{staff.length - shownStaff.length}
              </Button>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
