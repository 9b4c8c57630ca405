import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { AppHeader } from '../../../app/AppHeader';
import { useAdminText } from '../admin.messages';
import { AccountsTab } from './AccountsTab';
import { AuditTab } from './AuditTab';

type Tab = 'accounts' | 'audit';

/** An administrator's place (their only one): the accounts, and the audit trail of every change. */
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
            ]}
          />
        </Card>
      </main>
    </div>
  );
}
