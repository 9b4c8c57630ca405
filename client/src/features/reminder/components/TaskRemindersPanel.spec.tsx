import { act, fireEvent, screen, within } from '@testing-library/react';
import { TASK, USERS, renderAs } from '../../task-work/test-providers';
import { REMINDER_SLIP, SIGN_FOR_REMINDER, TASK_REMINDERS, type Reminder } from '../graphql/reminder.graphql';
import { ReminderSlipPage } from './ReminderSlipPage';
import { TaskRemindersPanel } from './TaskRemindersPanel';

const slip = (overrides: Partial<Reminder> = {}): Reminder & { __typename: 'Reminder' } => ({
  __typename: 'Reminder',
  id: 'r1',
  number: '督办〔2026〕第12号',
  level: 'NOTICE',
  taskId: 't1',
  taskCode: '二（一）3',
  taskTitle: '推进工业企业技术改造',
  departmentId: 'd-lead',
  departmentName: '省经济和信息化委',
  responsiblePerson: '张局长',
  requirement: '请于时限内书面报告办理情况及超期原因',
  deadline: '2026-11-28',
  taskDueDate: '2026-11-14',
  origin: 'AUTO',
  issuedByName: null,
  issuedOn: '2026-11-21',
  createdAt: '2026-11-21T01:30:00.000Z',
  signedAt: null,
  signedByName: null,
  ...overrides,
});

const listMock = (reminders: Reminder[]) => ({ request: { query: TASK_REMINDERS, variables: { taskId: 't1' } }, result: { data: { reminders } } });
const task = { ...TASK, leadDepartment: { id: 'd-lead', name: '省经济和信息化委' }, cooperatingDepartments: [{ id: 'd-coop', name: '省科技厅' }] };

describe('the reminders tab', () => {
  it('lists the slips, and offers 催办 to the coordinating office only', async () => {
    renderAs(USERS.coordinator, [listMock([slip()])], <TaskRemindersPanel task={task} />);
    const item = within(await screen.findByTestId('reminder-item'));
    expect(item.getByText('督办通知单')).toBeTruthy();
    expect(item.getByText('督办〔2026〕第12号')).toBeTruthy();
    expect(item.getByText('待签收')).toBeTruthy();
    expect(item.getByText('打印单据').closest('a')!.getAttribute('href')).toBe('/reminders/r1/print');
    expect(item.queryByTestId('reminder-sign')).toBeNull();
    fireEvent.click(screen.getByTestId('remind-open'));
    expect(await screen.findByTestId('remind-form')).toBeTruthy();
    expect(screen.getByText('省经济和信息化委（牵头）')).toBeTruthy();
  });

  it('lets the addressed unit’s staff sign for a slip; others only read', async () => {
    renderAs(USERS.coopStaff, [listMock([slip()])], <TaskRemindersPanel task={task} />);
    await screen.findByTestId('reminder-item');
    expect(screen.queryByTestId('reminder-sign')).toBeNull();
    expect(screen.queryByTestId('remind-open')).toBeNull();
  });

  it('signs for it', async () => {
    const signed = slip({ signedAt: '2026-11-22T02:00:00.000Z', signedByName: '王牵头' });
    let sent = false;
    renderAs(
      USERS.leadStaff,
      [
        listMock([slip()]),
        { request: { query: SIGN_FOR_REMINDER, variables: { reminderId: 'r1' } }, result: () => ((sent = true), { data: { signForReminder: signed } }) },
        listMock([signed]),
      ],
      <TaskRemindersPanel task={task} />,
    );
    await act(async () => fireEvent.click(await screen.findByTestId('reminder-sign')));
    expect(await screen.findByText('已签收')).toBeTruthy();
    expect(sent).toBe(true);
  });
});

describe('the printable slip', () => {
  it('shows 单号, 工作事项, 工作要求, 责任单位, 责任人, 时限要求, the date and a blank receipt', async () => {
    renderAs(USERS.leadStaff, [{ request: { query: REMINDER_SLIP, variables: { id: 'r1' } }, result: { data: { reminder: slip() } } }], <ReminderSlipPage id="r1" />);
    const printed = within(await screen.findByTestId('reminder-slip'));
    for (const text of ['督办通知单', '督办〔2026〕第12号', '二（一）3 推进工业企业技术改造', '请于时限内书面报告办理情况及超期原因', '省经济和信息化委', '张局长', '2026-11-28', '2026-11-21', '签收人：']) {
      expect(printed.getByText(text)).toBeTruthy();
    }
    expect(screen.getByTestId('slip-print')).toBeTruthy();
  });
});
