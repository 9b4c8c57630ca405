import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { AppHeader } from '../../../app/AppHeader';
import { useAdminText } from '../admin.messages';
import { AccountsTab } from './AccountsTab';
import { AuditTab } from './AuditTab';
import { CalendarTab } from './CalendarTab';

type Tab = 'accounts' | 'audit' | 'calendar';

/** An administrator's place (their only one): the accounts, the audit trail of every change, and the working-day calendar. */
export function AdminPage() {
  const text = useAdminText();
  const [tab, setTab] = useState<Tab>('accounts');
  return (
    <div className="board-page">
      {/* Administrators take no part in tasks: a notification naming one has nothing to open. */}
      <AppHeader onOpenTask={() => undefined} />
      <main className="admin-page" data-testid="admin-page">
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as Tab)}
            items={[
              { key: 'accounts', label: <span data-testid="admin-tab-accounts">{text.accountsTab}</span>, children: <AccountsTab /> },
              { key: 'audit', label: <span data-testid="admin-tab-audit">{text.auditTab}</span>, children: <AuditTab active={tab === 'audit'} /> },
              { key: 'calendar', label: <span data-testid="admin-tab-calendar">{text.calendarTab}</span>, children: <CalendarTab /> },
            ]}
          />
        </Card>
      </main>
    </div>
  );
}
