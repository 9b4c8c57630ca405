import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { ROLES } from '@workplan/shared';
import { Alert, App as AntApp, Button, Empty, Flex, Input, Popconfirm, Skeleton, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/session';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { useAdminText } from '../admin.messages';
import { ADMIN_USERS, SET_USER_ACTIVE, type AdminUser } from '../graphql/admin.graphql';
import { CreateAccountModal } from './CreateAccountModal';
import { ResetPasswordModal } from './ResetPasswordModal';

const ROLE_RANK: readonly string[] = ['ADMIN', ...ROLES.filter((r) => r !== 'ADMIN')];

/** 账号: everyone's account, deactivated ones too; open, reset, deactivate and reactivate them. */
export function AccountsTab() {
  const text = useAdminText();
  const { role: roleName } = useI18n();
  const { user: me } = useSession();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const users = useQuery(ADMIN_USERS, { fetchPolicy: 'cache-and-network' });
  const [setActive] = useMutation(SET_USER_ACTIVE);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AdminUser | null>(null);

  const all = users.data?.users;
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const found = !all || !needle ? (all ?? []) : all.filter((u) => [u.name, u.email, u.department?.name ?? '', roleName(u.role)].some((field) => field.toLowerCase().includes(needle)));
    // The few office accounts first (administrators at the top), then the many department staff.
    return [...found].sort((a, b) => ROLE_RANK.indexOf(a.role) - ROLE_RANK.indexOf(b.role) || a.email.localeCompare(b.email));
  }, [all, search, roleName]);

  const toggle = async (user: AdminUser) => {
    try {
      await setActive({ variables: { userId: user.id, active: !user.active } });
      void message.success(user.active ? text.deactivated(user.name) : text.reactivated(user.name));
    } catch (error) {
      showError(error);
    }
  };

  const columns: TableColumnsType<AdminUser> = [
    {
      title: text.name,
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, u) => (
        <Space size={4}>
          <span>{name}</span>
          {u.id === me.id && <Tag color="blue">{text.you}</Tag>}
        </Space>
      ),
    },
    { title: text.email, dataIndex: 'email', sorter: (a, b) => a.email.localeCompare(b.email), render: (email: string) => <Typography.Text className="admin-mono">{email}</Typography.Text> },
    {
      title: text.role,
      dataIndex: 'role',
      width: 130,
      filters: ROLES.map((r) => ({ text: roleName(r), value: r })),
      onFilter: (value, u) => u.role === value,
      render: (role: string) => <Tag color={role === 'ADMIN' ? 'volcano' : role === 'STAFF' ? 'default' : 'blue'}>{roleName(role)}</Tag>,
    },
    { title: text.department, dataIndex: ['department', 'name'], ellipsis: true, render: (name: string | undefined) => name ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: text.status,
      dataIndex: 'active',
      width: 100,
      filters: [
        { text: text.active, value: true },
        { text: text.inactive, value: false },
      ],
      onFilter: (value, u) => u.active === value,
      render: (active: boolean) => (active ? <Tag color="green">{text.active}</Tag> : <Tag color="default">{text.inactive}</Tag>),
    },
    {
      title: text.actions,
      key: 'actions',
      width: 240,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setResetting(u)} data-testid="reset-password">
            {text.resetPassword}
          </Button>
          {u.id === me.id ? (
            // The server refuses it too; here it is not even offered.
            <Tooltip title={text.cannotDeactivateSelf}>
              <Button type="link" size="small" danger disabled data-testid="deactivate">
                {text.deactivate}
              </Button>
            </Tooltip>
          ) : u.active ? (
            <Popconfirm
              title={text.deactivateTitle(u.name)}
              description={<div style={{ maxWidth: 280 }}>{text.deactivateWarning}</div>}
              okText={text.deactivate}
              cancelText={text.cancel}
              okButtonProps={{ danger: true, 'data-testid': 'confirm-toggle' }}
              onConfirm={() => toggle(u)}
            >
              <Button type="link" size="small" danger data-testid="deactivate">
                {text.deactivate}
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={text.reactivateTitle(u.name)}
              description={text.reactivateHint}
              okText={text.reactivate}
              cancelText={text.cancel}
              okButtonProps={{ 'data-testid': 'confirm-toggle' }}
              onConfirm={() => toggle(u)}
            >
              <Button type="link" size="small" data-testid="reactivate">
                {text.reactivate}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  let body;
  if (users.error && !users.data) {
    body = <Alert type="error" showIcon title={text.accountsFailed} action={<Button size="small" onClick={() => void users.refetch()}>{text.retry}</Button>} />;
  } else if (!users.data) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else {
    body = (
      <Table<AdminUser>
        size="small"
        rowKey="id"
        data-testid="accounts-table"
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(u) => (u.active ? '' : 'admin-row--inactive')}
        onRow={(u) => ({ 'data-testid': 'account-row', 'data-email': u.email, 'data-active': String(u.active) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={search.trim() ? text.noAccountMatch : text.noAccounts} /> }}
      />
    );
  }

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={text.search} style={{ width: 300 }} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="accounts-search" />
        {all && <Typography.Text type="secondary">{text.accountCount(rows.length)}</Typography.Text>}
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-account">
          {text.newAccount}
        </Button>
      </Flex>
      {body}
      {/* The new account is found at once: the list narrows to it. */}
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} onCreated={(u) => setSearch(u.email)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
