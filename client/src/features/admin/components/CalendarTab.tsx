import { useMutation, useQuery } from '@apollo/client/react';
import { addDays, todayIn, type CalendarDayKind } from '@workplan/shared';
import { Alert, App as AntApp, Button, DatePicker, Empty, Flex, Form, Input, InputNumber, Popconfirm, Radio, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { memo, useMemo, useState, type HTMLAttributes } from 'react';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { CALENDAR_DAYS, REMOVE_CALENDAR_DAY, SET_CALENDAR_DAY, type CalendarDay } from '../../supervision/graphql/supervision.graphql';
import { useAdminText, type AdminText } from '../admin.messages';

const KIND_COLOR: Record<CalendarDayKind, string> = { HOLIDAY: 'red', WORKDAY: 'blue' };

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => [0, 6].includes(weekdayOf(date));
/** The only kind a day can be made: a weekday can only be given off, a weekend day only worked. */
export const kindFor = (date: string): CalendarDayKind => (isWeekend(date) ? 'WORKDAY' : 'HOLIDAY');

interface Values {
  date?: Dayjs | null;
  kind?: CalendarDayKind;
  name?: string;
}

/**
 * 工作日历: a year's exceptions to the weekday rule — weekdays off (holidays) and weekend days worked
 * (调休) — as a list and a twelve-month grid; an administrator records and removes them.
 */
export function CalendarTab() {
  const text = useAdminText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const [year, setYear] = useState(() => Number(todayIn().slice(0, 4)));
  const [form] = Form.useForm<Values>();
  const picked = Form.useWatch('date', form) as Dayjs | null | undefined;
  const pickedDate = picked ? picked.format('YYYY-MM-DD') : null;
  const days = useQuery(CALENDAR_DAYS, { variables: { year }, fetchPolicy: 'cache-and-network' });
  const refetch = { refetchQueries: [{ query: CALENDAR_DAYS, variables: { year } }], awaitRefetchQueries: true };
  const [setDay, setting] = useMutation(SET_CALENDAR_DAY, refetch);
  const [removeDay] = useMutation(REMOVE_CALENDAR_DAY, refetch);
  const list = useMemo(() => days.data?.calendarDays ?? [], [days.data]);
  const byDate = useMemo(() => new Map(list.map((d) => [d.date, d])), [list]);

  /** A date chosen in the picker or the grid: the kind follows from its weekday; a recorded day brings its name along. */
  const pick = (date: string | null) => {
    const known = date ? byDate.get(date) : undefined;
    form.setFieldsValue({ date: date ? dayjs(date) : null, kind: date ? kindFor(date) : undefined, name: known?.name ?? '' });
    if (date) void form.validateFields(['kind']);
  };

  const add = async (values: Values) => {
    const date = values.date!.format('YYYY-MM-DD');
    const kind = values.kind ?? kindFor(date);
    try {
      await setDay({ variables: { input: { date, kind, name: values.name?.trim() || null } } });
      void message.success(text.dayAdded(date, text.kindName[kind]));
      form.resetFields();
      if (Number(date.slice(0, 4)) !== year) setYear(Number(date.slice(0, 4)));
    } catch (error) {
      showError(error);
    }
  };

  const remove = async (day: CalendarDay) => {
    try {
      await removeDay({ variables: { date: day.date } });
      void message.success(text.dayRemoved(day.date));
    } catch (error) {
      showError(error);
    }
  };

  const columns: TableColumnsType<CalendarDay> = [
    { title: text.date, dataIndex: 'date', width: 150, render: (date: string) => <span className="admin-mono">{date} <Typography.Text type="secondary">{text.weekdayName(weekdayOf(date))}</Typography.Text></span> },
    { title: text.kind, dataIndex: 'kind', width: 110, render: (kind: CalendarDayKind) => <Tag color={KIND_COLOR[kind]}>{text.kindName[kind]}</Tag> },
    { title: text.dayName, dataIndex: 'name', render: (name: string | null) => name ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: text.actions,
      key: 'actions',
      width: 80,
      render: (_, day) => (
        <Popconfirm title={text.removeTitle(day.date)} description={text.removeHint} okText={text.removeDay} cancelText={text.cancel} okButtonProps={{ danger: true }} onConfirm={() => remove(day)}>
          <Button size="small" type="link" danger data-testid="calendar-remove">{text.removeDay}</Button>
        </Popconfirm>
      ),
    },
  ];

  const holidays = list.filter((d) => d.kind === 'HOLIDAY').length;
  const weekendWorked = list.length - holidays;
  const kindRule = (_: unknown, kind: CalendarDayKind | undefined) => {
    if (!pickedDate || !kind || kind === kindFor(pickedDate)) return Promise.resolve();
    return Promise.reject(new Error(kind === 'HOLIDAY' ? text.weekendNotHoliday : text.weekdayNotWorkday));
  };

  return (
    <div data-testid="calendar-tab">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{text.calendarHint}</Typography.Paragraph>
      <Flex gap={24} wrap align="flex-start">
        <div style={{ flex: '1 1 460px', minWidth: 0 }}>
          <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
            <span>{text.year}</span>
            <InputNumber data-testid="calendar-year" size="small" min={2000} max={2100} precision={0} value={year} onChange={(v) => v !== null && v >= 2000 && v <= 2100 && setYear(v)} style={{ width: 90 }} />
            {days.data && <Typography.Text type="secondary" data-testid="calendar-summary">{text.calendarSummary(holidays, weekendWorked)}</Typography.Text>}
          </Flex>
          <Form<Values> form={form} layout="inline" size="small" data-testid="calendar-form" className="calendar-add" onFinish={(v) => void add(v)}>
            <Form.Item name="date" label={text.date} rules={[{ required: true, message: text.dateRequired }]}>
              <DatePicker data-testid="calendar-date" allowClear onChange={(d: Dayjs | null) => pick(d ? d.format('YYYY-MM-DD') : null)} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="kind" label={text.kind} rules={[{ validator: kindRule }]}>
              <Radio.Group
                optionType="button"
                data-testid="calendar-kind"
                options={(['HOLIDAY', 'WORKDAY'] as const).map((k) => ({ value: k, label: text.kindName[k], title: text.kindHint[k], disabled: pickedDate !== null && kindFor(pickedDate) !== k }))}
              />
            </Form.Item>
            <Form.Item name="name" label={text.dayName} rules={[{ max: 100, message: text.dayNameTooLong }]}>
              <Input data-testid="calendar-name" placeholder={text.dayNamePlaceholder} style={{ width: 150 }} maxLength={100} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={setting.loading} data-testid="calendar-add">{text.addDay}</Button>
            </Form.Item>
          </Form>
          {days.error && !days.data ? (
            <Alert type="error" showIcon title={text.calendarFailed} description={days.error.message} action={<Button size="small" onClick={() => void days.refetch()}>{text.retry}</Button>} />
          ) : !days.data ? (
            <Skeleton active />
          ) : (
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              data-testid="calendar-list"
              dataSource={list}
              columns={columns}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noDays(year)} /> }}
              onRow={(day) => ({ 'data-testid': 'calendar-row', 'data-date': day.date }) as HTMLAttributes<HTMLElement>}
            />
          )}
        </div>
        <div style={{ flex: '0 1 660px' }}>
          <YearGrid year={year} days={byDate} selected={pickedDate} onPick={pick} text={text} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text.pickDayHint}</Typography.Text>
        </div>
      </Flex>
    </div>
  );
}

/** Twelve small months, Monday first: holidays red, make-up workdays blue, weekends grey. A click fills the form. */
const YearGrid = memo(function YearGrid({ year, days, selected, onPick, text }: { year: number; days: ReadonlyMap<string, CalendarDay>; selected: string | null; onPick(date: string): void; text: AdminText }) {
  const today = todayIn();
  return (
    <div className="year-grid" data-testid="calendar-grid">
      <div className="year-grid__legend">
        <span><i className="cal-swatch cal-day--HOLIDAY" />{text.kindName.HOLIDAY}</span>
        <span><i className="cal-swatch cal-day--WORKDAY" />{text.kindName.WORKDAY}</span>
        <span><i className="cal-swatch cal-day--weekend" />{text.weekend}</span>
      </div>
      <div className="year-grid__months">
        {Array.from({ length: 12 }, (_, m) => {
          const first = `${year}-${String(m + 1).padStart(2, '0')}-01`;
          const lead = (weekdayOf(first) + 6) % 7; // blanks before the 1st, Monday first
          const cells: Array<string | null> = Array.from({ length: lead }, () => null);
          for (let day = first; day.slice(5, 7) === first.slice(5, 7); day = addDays(day, 1)) cells.push(day);
          return (
            <div key={m} className="cal-month">
              <div className="cal-month__name">{text.monthName(m + 1)}</div>
              <div className="cal-month__days">
                {text.weekdayInitials.map((w, i) => <span key={`h${i}`} className="cal-head">{w}</span>)}
                {cells.map((date, i) => {
                  if (!date) return <span key={`b${i}`} />;
                  const exception = days.get(date);
                  const cls = ['cal-day', exception ? `cal-day--${exception.kind}` : isWeekend(date) ? 'cal-day--weekend' : '', date === today ? 'cal-day--today' : '', date === selected ? 'cal-day--selected' : ''].filter(Boolean).join(' ');
                  const label = `${date} ${text.weekdayName(weekdayOf(date))}${exception ? ` · ${text.kindName[exception.kind]}${exception.name ? ` · ${exception.name}` : ''}` : ''}`;
                  return (
                    <button key={date} type="button" className={cls} data-date={date} data-kind={exception?.kind} title={label} aria-label={label} aria-pressed={date === selected} onClick={() => onPick(date)}>
                      {Number(date.slice(8))}
                    </button>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
});
