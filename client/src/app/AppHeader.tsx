import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { Badge, Button, Segmented, Space, Tooltip, Typography } from 'antd';
import { useSession } from '../features/auth/session';
import { NotificationBell } from '../features/notification/NotificationBell';
import { useI18n } from '../i18n/i18n';
import { useLiveStatus } from './live-status';
import { navigate, useView, viewsFor, type View } from './route';

const NAV: Record<'zh-CN' | 'en', Record<View, string>> = {
  'zh-CN': { board: '看板', watch: '督办', following: '我关注的', dashboard: '仪表盘', inbox: '我的待办', import: '导入方案', admin: '系统管理' },
  en: { board: 'Board', watch: 'Watch list', following: 'Following', dashboard: 'Dashboard', inbox: 'My work', import: 'Import plan', admin: 'Administration' },
};

export function AppHeader({ total, onOpenTask }: { total?: number; onOpenTask(taskId: string): void }) {
  const { t, role, language, setLanguage } = useI18n();
  const { user, signOut } = useSession();
  const live = useLiveStatus();
  const view = useView();
  return (
    <header className="app-header">
      <span className="app-header__logo" aria-hidden>▥</span>
      <Typography.Title level={4} className="app-header__title">{t('appName')}</Typography.Title>
      <Segmented<View>
        data-testid="nav"
        value={view}
        onChange={(next) => navigate(next)}
        options={viewsFor(user.role).map((v) => ({ value: v, label: <span data-testid={`nav-${v}`}>{NAV[language][v]}</span> }))}
      />
      {total !== undefined && <span className="app-header__total">{t('total')} {total} {t('tasks')}</span>}
      <span style={{ flex: 1 }} />
      {/* Only the board listens live; elsewhere an "offline" dot would only alarm. */}
      {view === 'board' && (
        <Tooltip title={t('liveHint')}>
          <Badge status={live ? 'success' : 'default'} text={live ? t('live') : t('offline')} data-testid="live-status" />
        </Tooltip>
      )}
      <NotificationBell onOpenTask={onOpenTask} />
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
