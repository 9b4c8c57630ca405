import { useQuery } from '@apollo/client/react';
import { Alert, Button, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { useReminderText } from '../reminder.messages';
import { REMINDER_SLIP } from '../graphql/reminder.graphql';

/**
 * The printable slip (催办单 / 督办通知单), as an office files it: 单号, 工作事项, 工作要求, 责任单位,
 * 责任人, 时限要求, the date, and the unit's receipt — filled in once signed for, blank to sign by
 * hand otherwise. Print CSS hides everything but the slip.
 */
export function ReminderSlipPage({ id }: { id: string }) {
  const text = useReminderText();
  const { data, loading } = useQuery(REMINDER_SLIP, { variables: { id } });
  const slip = data?.reminder;
  return (
    <div className="reminder-slip-page">
      <Space className="no-print reminder-slip-toolbar">
        <Button onClick={() => (history.length > 1 ? history.back() : location.assign('/'))}>{text.back}</Button>
        <Button type="primary" onClick={() => window.print()} data-testid="slip-print">
          {text.printButton}
        </Button>
      </Space>
      {!slip ? (
        loading ? <Skeleton active /> : <Alert type="error" showIcon title={text.notFound} />
      ) : (
        <article className="reminder-slip" data-testid="reminder-slip">
          <h1 className="reminder-slip__title">{text.slipTitle[slip.level]}</h1>
          <div className="reminder-slip__number">{slip.number}</div>
          <table className="reminder-slip__table">
            <tbody>
              <tr>
                <th>{text.task}</th>
                <td colSpan={3}>
                  {slip.taskCode} {slip.taskTitle}
                </td>
              </tr>
              <tr>
                <th>{text.requirement}</th>
                <td colSpan={3} className="reminder-slip__requirement">{slip.requirement}</td>
              </tr>
              <tr>
                <th>{text.unit}</th>
                <td>{slip.departmentName}</td>
                <th>{text.responsiblePerson}</th>
                <td>{slip.responsiblePerson ?? text.noLeader}</td>
              </tr>
              <tr>
                <th>{text.deadline}</th>
                <td>{slip.deadline}</td>
                <th>{text.date}</th>
                <td>{slip.issuedOn}</td>
              </tr>
              <tr className="reminder-slip__sign">
                <th>{text.signBox}</th>
                <td colSpan={3}>
                  {/* Blank lines to sign on by hand when the unit has not signed for it in the app. */}
                  <div>
                    {text.signer}：<span className="reminder-slip__fill">{slip.signedByName ?? ''}</span>
                  </div>
                  <div>
                    {text.signedAt}：<span className="reminder-slip__fill">{slip.signedAt ? dayjs(slip.signedAt).format('YYYY-MM-DD HH:mm') : ''}</span>
                  </div>
                </td>
              </tr>
            </tbody>
          </table>
          <div className="reminder-slip__office">{text.office}</div>
        </article>
      )}
    </div>
  );
}
