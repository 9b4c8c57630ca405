import { Alert, Card, Empty, Skeleton, Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';

/** One section of a work list (我的待办): a titled card. */
export function WorkSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      {children}
    </Card>
  );
}

/**
 * A work list's rows, each about a task: an error or a skeleton until the query answers, then a
 * small paged table whose rows open their task.
 */
export function WorkTable<T extends { taskId: string }>(props: {
  query: { loading: boolean; error?: { message: string }; data?: unknown };
  rows: T[] | undefined;
  rowKey: string | ((row: T) => string);
  columns: TableColumnsType<T>;
  empty: string;
  onOpen(taskId: string): void;
  /** Extra attributes per row (test ids, data attributes). */
  rowProps?(row: T): Record<string, string>;
}) {
  const { query } = props;
  if (query.error && !query.data) return <Alert type="error" showIcon title={query.error.message} />;
  if (query.loading && !query.data) return <Skeleton active />;
  return (
    <Table<T>
      size="small"
      rowKey={props.rowKey}
      dataSource={props.rows ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} /> }}
      onRow={(r) => ({ onClick: () => props.onOpen(r.taskId), style: { cursor: 'pointer' }, ...props.rowProps?.(r) }) as HTMLAttributes<HTMLElement>}
      columns={props.columns}
    />
  );
}
