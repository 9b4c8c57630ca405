import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { isTaskStage } from '@workplan/shared';
import { useI18n } from '../../i18n/i18n';
import { STAGE_NAMES } from '../../i18n/messages';
import { MARK_READ, NOTIFICATIONS, type AppNotification } from './notification.graphql';
import type { SideRequestKind, SideRequestStatus } from '@workplan/shared';
import { SIDE_REQUEST_TEXT } from '../side-request/side-request.messages';

const TEXT = {
  'zh-CN': {
    title: '通知',
    markAll: '全部已读',
    empty: '暂无通知',
    REPORT_DUE_SOON: '「{code} {title}」{period} 进度报告将于 {dueDate} 截止',
    FINDING_ASSIGNED: '「{code} {title}」检查发现问题（{severity}），请及时整改',
    TASK_RETURNED: '「{code} {title}」被退回修改：{comment}',
    TASK_APPROVED: '「{code} {title}」已审定通过，进入实施',
    TASK_REJECTED: '「{code} {title}」不予通过：{comment}',
    RECTIFICATION_REQUIRED: '「{code} {title}」检查要求整改：{comment}',
    TASK_OVERDUE: '「{code} {title}」已超期（{lead}，时限 {dueDate}）',
    FINDING_OVERDUE: '「{code} {title}」检查发现的问题整改已超期（时限 {deadline}）',
    ASSIGNMENT_RETURNED: '「{code} {title}」本单位报送的进展被退回：{comment}',
    ASSIGNMENT_SENT_BACK: '「{code} {title}」{department}退回交办：{comment}',
    REMINDER_ISSUED: '「{code} {title}」收到{level}（{number}），请于 {deadline} 前办理并签收',
    REMINDER: '催办',
    NOTICE: '督办通知单',
    SIDE_REQUEST_FILED: '{dept}就「{code} {title}」提出{request}申请，待您审核',
    SIDE_REQUEST_TO_DECIDE: '{dept}就「{code} {title}」提出的{request}申请待您审批',
    SIDE_REQUEST_DECIDED: '「{code} {title}」的{request}申请：{status}（{by}）{comment}',
    INSTRUCTION_ISSUED: '「{code} {title}」有领导批示（{number}，{by}），请及时回复{reopened}',
    INSTRUCTION_ANSWERED: '「{code} {title}」的批示（{number}）已由{by}回复',
    FOLLOWED_TASK_MOVED: '您关注的「{code} {title}」由{from}进入{to}（{by}）',
    reopenedNote: '；任务已重新进入实施',
    MAJOR: '严重',
    MINOR: '一般',
  },
  en: {
    title: 'Notifications',
    markAll: 'Mark all read',
    empty: 'No notifications',
    REPORT_DUE_SOON: '“{code} {title}”: the {period} progress report is due {dueDate}',
    FINDING_ASSIGNED: '“{code} {title}”: an inspection logged a {severity} finding to rectify',
    TASK_RETURNED: '“{code} {title}” was returned for revision: {comment}',
    TASK_APPROVED: '“{code} {title}” was approved and is now being implemented',
    TASK_REJECTED: '“{code} {title}” was rejected: {comment}',
    RECTIFICATION_REQUIRED: '“{code} {title}”: inspection requires rectification: {comment}',
    TASK_OVERDUE: '“{code} {title}” is overdue ({lead}, due {dueDate})',
    FINDING_OVERDUE: '“{code} {title}”: the rectification of a finding is overdue (due {deadline})',
    ASSIGNMENT_RETURNED: '“{code} {title}”: your unit’s progress report was returned: {comment}',
    ASSIGNMENT_SENT_BACK: '“{code} {title}” was sent back by {department}: {comment}',
    REMINDER_ISSUED: '“{code} {title}”: a {level} ({number}) came in; act and sign for it by {deadline}',
    REMINDER: 'reminder',
    NOTICE: 'supervision notice',
    SIDE_REQUEST_FILED: '{dept} asks for {request} of “{code} {title}”: your approval is needed',
    SIDE_REQUEST_TO_DECIDE: '{dept} asks for {request} of “{code} {title}”: your decision is needed',
    SIDE_REQUEST_DECIDED: '“{code} {title}”, {request} request: {status} ({by}) {comment}',
    INSTRUCTION_ISSUED: '“{code} {title}”: a leader’s instruction ({number}, {by}) awaits your answer{reopened}',
    INSTRUCTION_ANSWERED: '“{code} {title}”: your instruction ({number}) was answered by {by}',
    FOLLOWED_TASK_MOVED: '“{code} {title}”, which you follow, moved from {from} to {to} ({by})',
    reopenedNote: '; the task is back in implementation',
    MAJOR: 'major',
    MINOR: 'minor',
  },
} as const;

type Kind = Exclude<keyof (typeof TEXT)['en'], 'title' | 'markAll' | 'empty' | 'MAJOR' | 'MINOR' | 'REMINDER' | 'NOTICE' | 'reopenedNote'>;

export function notificationText(language: keyof typeof TEXT, n: Pick<AppNotification, 'kind' | 'params'>): string {
  const text = TEXT[language];
  const template = (text as Record<string, string>)[n.kind as Kind] ?? n.kind;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = n.params[key];
    if (key === 'severity' && (value === 'MAJOR' || value === 'MINOR')) return text[value];
    if (key === 'level' && (value === 'REMINDER' || value === 'NOTICE')) return text[value];
    // Side requests send their kind and status as codes: named in the reader's language.
    if (key === 'request' && typeof value === 'string') return SIDE_REQUEST_TEXT[language].kinds[value as SideRequestKind] ?? value;
    if (key === 'status' && typeof value === 'string') return SIDE_REQUEST_TEXT[language].statuses[value as SideRequestStatus] ?? value;
    if ((key === 'from' || key === 'to') && typeof value === 'string' && isTaskStage(value)) return STAGE_NAMES[language][value];
    if (key === 'reopened') return value === 1 ? text.reopenedNote : '';
    return value === undefined ? '' : String(value);
  });
}

/** The header's bell: unread count, the latest notifications, mark read one by one or all at once. */
export function NotificationBell({ onOpenTask }: { onOpenTask(taskId: string): void }) {
  const { language } = useI18n();
  const text = TEXT[language];
  const { data, refetch } = useQuery(NOTIFICATIONS, { pollInterval: 60_000 });
  const [markRead] = useMutation(MARK_READ);
  const unread = data?.unreadNotificationCount ?? 0;
  const open = async (n: AppNotification) => {
    if (!n.read) await markRead({ variables: { id: n.id } });
    void refetch();
    if (n.taskId) onOpenTask(n.taskId);
  };
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflow: 'auto' }} data-testid="notifications">
      {(data?.notifications.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} />
      ) : (
        <List
          size="small"
          dataSource={data?.notifications ?? []}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer', background: n.read ? undefined : '#fff7e6' }} onClick={() => void open(n)}>
              <div>
                <div>{notificationText(language, n)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{text.title}</span>
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => void markRead({ variables: { id: null } }).then(() => refetch())}>
              {text.markAll}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-2, 2]}>
        <Button size="small" icon={<BellOutlined />} aria-label={text.title} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
