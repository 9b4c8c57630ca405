import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { OPERATIONS, PERMISSIONS } from '@workplan/shared';
import { Alert, Button, DatePicker, Descriptions, Empty, Flex, Input, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { useAdminText, type AdminText } from '../admin.messages';
import { ADMIN_USERS, AUDIT_LOG, type AuditEntry, type AuditFilter } from '../graphql/admin.graphql';

export const AUDIT_PAGE_SIZE = 50;

/** Every mutation lands in the trail: sign-in and renewal (no sign-in needed), and the permission table's. */
export const KNOWN_OPERATIONS: readonly string[] = ['login', 'refreshSession', ...OPERATIONS.filter((op) => PERMISSIONS[op].kind === 'mutation')];

/** The codes worth filtering by; FAILED is any of them. */
const RESULTS = ['OK', 'FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'TRANSITION_NOT_ALLOWED', 'VERSION_CONFLICT', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'];

export interface AuditFilterState {
  operation?: string;
  result?: string;
  actorId?: string;
  targetId?: string;
  /** Whole days, in the browser's time zone. */
  days?: [Dayjs, Dayjs] | null;
}

/** The API filter for what the person chose; only what they chose is sent. */
export function auditFilterOf(state: AuditFilterState): AuditFilter {
  const filter: AuditFilter = {};
  if (state.operation) filter.operation = state.operation;
  if (state.result) filter.result = state.result;
  if (state.actorId) filter.actorId = state.actorId;
  if (state.targetId?.trim()) filter.targetId = state.targetId.trim();
  if (state.days) {
    filter.since = state.days[0].startOf('day').toISOString();
    filter.until = state.days[1].endOf('day').toISOString();
  }
  return filter;
}

const operationLabel = (text: AdminText, operation: string) => text.operationName[operation] ?? operation;

/** 审计日志: the trail of every mutation, newest first, filtered on the server and paged by its cursor. */
export function AuditTab({ active = true }: { active?: boolean }) {
  const text = useAdminText();
  const { role: roleName } = useI18n();
  const showError = useApiErrorMessage();
  const [state, setState] = useState<AuditFilterState>({});
  const [targetInput, setTargetInput] = useState('');
  const filter = useMemo(() => auditFilterOf(state), [state]);
  const log = useQuery(AUDIT_LOG, { variables: { filter, first: AUDIT_PAGE_SIZE, after: null }, fetchPolicy: 'cache-and-network' });
  const users = useQuery(ADMIN_USERS, { fetchPolicy: 'cache-first' });
  const usersById = useMemo(() => new Map((users.data?.users ?? []).map((u) => [u.id, u])), [users.data]);
  const [loadingMore, setLoadingMore] = useState(false);

  // Coming back to the tab shows what happened meanwhile (an account just made on the other tab).
  const wasActive = useRef(active);
  const { refetch } = log;
  useEffect(() => {
    if (active && !wasActive.current) void refetch().catch(() => undefined);
    wasActive.current = active;
  }, [active, refetch]);

  // While a new filter loads, the last answer stays in view under the spinner.
  const page = log.data?.auditLog ?? log.previousData?.auditLog;
  const filtered = Object.keys(filter).length > 0;
  const change = (patch: Partial<AuditFilterState>) => setState((previous) => ({ ...previous, ...patch }));

  const loadMore = async () => {
    if (!page?.endCursor) return;
    setLoadingMore(true);
    try {
      await log.fetchMore({
        variables: { after: page.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          if (!fetchMoreResult || !previous?.auditLog) return (fetchMoreResult ?? previous) as never;
          const next = fetchMoreResult.auditLog;
          return { auditLog: { ...next, entries: [...previous.auditLog.entries, ...next.entries] } } as never;
        },
      });
    } catch (error) {
      showError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: text.time, dataIndex: 'at', width: 170, render: (at: string) => <span className="admin-nowrap">{dayjs(at).format('YYYY-MM-DD HH:mm:ss')}</span> },
    {
      title: text.actor,
      key: 'actor',
      width: 230,
      render: (_, e) => (
        <div>
          <div className="admin-mono">{e.actorEmail ?? <Typography.Text type="secondary">{text.notSignedIn}</Typography.Text>}</div>
          {e.actorRole && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{roleName(e.actorRole)}</Typography.Text>}
        </div>
      ),
    },
    {
      title: text.operation,
      dataIndex: 'operation',
      width: 190,
      render: (operation: string) => (
        <div>
          <div>{operationLabel(text, operation)}</div>
          <Typography.Text type="secondary" className="admin-mono" style={{ fontSize: 12 }}>{operation}</Typography.Text>
        </div>
      ),
    },
    {
      title: text.target,
      dataIndex: 'targetId',
      ellipsis: { showTitle: false },
      render: (target: string | null) => {
        if (!target) return '—';
        // An account is named by its id in the trail; say whose it is.
        const account = usersById.get(target);
        return (
          <span className="admin-mono" title={target}>
            {account ? `${account.name} ${account.email}` : target}
          </span>
        );
      },
    },
    {
      title: text.result,
      dataIndex: 'result',
      width: 170,
      render: (result: string) => (
        <Tag color={result === 'OK' ? 'green' : 'red'} data-testid="audit-result">
          {result}
        </Tag>
      ),
    },
    { title: text.address, dataIndex: 'address', width: 130, ellipsis: { showTitle: true }, render: (address: string | null) => address ?? '—' },
    { title: text.requestId, dataIndex: 'requestId', width: 150, ellipsis: { showTitle: true }, render: (id: string) => <span className="admin-mono">{id}</span> },
  ];

  let body;
  if (log.error && !page) {
    body = <Alert type="error" showIcon title={text.auditFailed} action={<Button size="small" onClick={() => void log.refetch()}>{text.retry}</Button>} />;
  } else if (!page) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    body = (
      <>
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          data-testid="audit-table"
          dataSource={page.entries}
          columns={columns}
          loading={log.loading && !loadingMore}
          pagination={false}
          scroll={{ x: 1100 }}
          onRow={(e) => ({ 'data-testid': 'audit-row', 'data-operation': e.operation, 'data-result': e.result }) as HTMLAttributes<HTMLElement>}
          expandable={{ expandedRowRender: (e) => <AuditDetails entry={e} text={text} /> }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? text.noEntryMatch : text.noEntries} /> }}
        />
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
          {page.entries.length > 0 && <Typography.Text type="secondary">{text.entriesShown(page.entries.length)}</Typography.Text>}
          {page.hasMore && (
            <Button onClick={() => void loadMore()} loading={loadingMore} data-testid="audit-load-more">
              {text.loadMore}
            </Button>
          )}
        </Flex>
      </>
    );
  }

  const actorOptions = (users.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.name} ${u.email}` }));
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={text.anyOperation}
          style={{ width: 200 }}
          value={state.operation}
          onChange={(operation?: string) => change({ operation })}
          options={KNOWN_OPERATIONS.map((op) => ({ value: op, label: `${operationLabel(text, op)} · ${op}` }))}
          data-testid="audit-operation"
        />
        <Select
          allowClear
          placeholder={text.anyResult}
          style={{ width: 170 }}
          value={state.result}
          onChange={(result?: string) => change({ result })}
          options={RESULTS.map((code) => ({ value: code, label: text.resultName[code] ? `${text.resultName[code]} (${code})` : code }))}
          data-testid="audit-result-filter"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={text.anyActor}
          style={{ width: 200 }}
          value={state.actorId}
          loading={users.loading && !users.data}
          onChange={(actorId?: string) => change({ actorId })}
          options={actorOptions}
          data-testid="audit-actor"
        />
        <DatePicker.RangePicker style={{ width: 250 }} value={state.days ?? null} onChange={(days) => change({ days: days && days[0] && days[1] ? [days[0], days[1]] : null })} data-testid="audit-days" />
        <Input.Search
          allowClear
          placeholder={text.targetSearch}
          style={{ width: 190 }}
          value={targetInput}
          onChange={(e) => setTargetInput(e.target.value)}
          onSearch={(value) => change({ targetId: value.trim() || undefined })}
          data-testid="audit-target"
        />
        {filtered && (
          <Button
            type="link"
            onClick={() => {
              setTargetInput('');
              setState({});
            }}
          >
            {text.clearFilters}
          </Button>
        )}
        <span style={{ flex: 1 }} />
        <Button icon={<ReloadOutlined />} onClick={() => void log.refetch().catch(showError)} data-testid="audit-refresh">
          {text.refresh}
        </Button>
      </Flex>
      {body}
    </>
  );
}

/** The expanded row: the arguments as pretty-printed JSON text (never markup), and the server's message. */
function AuditDetails({ entry, text }: { entry: AuditEntry; text: AdminText }) {
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="audit-details"
      items={[
        { key: 'arguments', label: text.arguments, children: <pre className="audit-arguments" data-testid="audit-arguments">{JSON.stringify(entry.arguments, null, 2)}</pre> },
        { key: 'message', label: text.message, children: entry.message ?? '—' },
        { key: 'requestId', label: text.requestId, children: <Typography.Text copyable className="admin-mono">{entry.requestId}</Typography.Text> },
        { key: 'actorId', label: text.actorId, children: entry.actorId ? <span className="admin-mono">{entry.actorId}</span> : '—' },
        { key: 'duration', label: text.duration, children: entry.durationMs === null ? '—' : text.durationValue(entry.durationMs) },
      ]}
    />
  );
}
