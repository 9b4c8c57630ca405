import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Tooltip, Typography } from 'antd';
import { useSession } from '../features/auth/session';
import { useI18n } from '../i18n/i18n';
import { useLiveStatus } from './live-status';

export function AppHeader({ total }: { total?: number }) {
  const { t, role, language, setLanguage } = useI18n();
  const { user, signOut } = useSession();
  const live = useLiveStatus();
  return (
    <header className="app-header">
      <span className="app-header__logo" aria-hidden>▥</span>
      <Typography.Title level={4} className="app-header__title">{t('appName')}</Typography.Title>
      {total !== undefined && <span className="app-header__total">{t('total')} {total} {t('tasks')}</span>}
      <span style={{ flex: 1 }} />
      <Tooltip title={t('liveHint')}>
        <Badge status={live ? 'success' : 'default'} text={live ? t('live') : t('offline')} data-testid="live-status" />
      </Tooltip>
      <Button size="small" icon={<TranslationOutlined />} onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="language-switch">
        {t('language')}
      </Button>
      <Space size={4} className="app-header__user" data-testid="current-user">
        <strong>{user.name}</strong>
        <span className="app-header__role">{role(user.role)}{user.department ? ` · ${user.department.name}` : ''}</span>
      </Space>
      <Button size="small" icon={<LogoutOutlined />} onClick={signOut} data-testid="sign-out">
        {t('signOut')}
      </Button>
    </header>
  );
}
