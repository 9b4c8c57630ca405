import type { MockLink } from '@apollo/client/testing';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import type { CurrentUser } from '../../auth/auth.graphql';
import { CALENDAR_DAYS, REMOVE_CALENDAR_DAY, SET_CALENDAR_DAY, type CalendarDay, type SetCalendarDayInput } from '../../supervision/graphql/supervision.graphql';
import { renderAs } from '../../task-work/test-providers';
import { CalendarTab, kindFor } from './CalendarTab';

// antd tables and forms render slowly in jsdom, more so on a busy machine: wait up to 5 s, not 1.
configure({ asyncUtilTimeout: 5000 });

// @ant-design/icons ships ESM that this jest setup does not transform; nothing here draws one.
jest.mock('@ant-design/icons', () => ({}));

const ADMIN: CurrentUser = { id: 'u-admin', email: 'admin@demo.gov', name: '系统管理员', role: 'ADMIN', department: null };

const day = (date: string, kind: CalendarDay['kind'], name: string | null = null) => ({ __typename: 'CalendarDay' as const, date, kind, name });

/**
 * A calendar server kept in memory: the list answers from `days`, setting and removing change it,
 * and every call is recorded.
 */
function calendarServer(initial: CalendarDay[], refuse?: string) {
  let days = initial.map((d) => day(d.date, d.kind, d.name));
  const years: number[] = [];
  const set: SetCalendarDayInput[] = [];
  const removed: string[] = [];
  const mocks: MockLink.MockedResponse[] = [
    {
      request: { query: CALENDAR_DAYS, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: ({ year }: { year: number }) => {
        years.push(year);
        return { data: { calendarDays: days.filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date)) } };
      },
    },
    {
      request: { query: SET_CALENDAR_DAY, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: ({ input }: { input: SetCalendarDayInput }) => {
        set.push(input);
        if (refuse) return { errors: [new GraphQLError(refuse, { extensions: { code: 'BAD_USER_INPUT', field: 'kind' } })] };
        days = [...days.filter((d) => d.date !== input.date), day(input.date, input.kind, input.name)];
        return { data: { setCalendarDay: day(input.date, input.kind, input.name) } };
      },
    },
    {
      request: { query: REMOVE_CALENDAR_DAY, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: ({ date }: { date: string }) => {
        removed.push(date);
        const had = days.some((d) => d.date === date);
        days = days.filter((d) => d.date !== date);
        return { data: { removeCalendarDay: had } };
      },
    },
  ];
  return { mocks, years, set, removed };
}

// The State Council's 2025 National Day arrangement, in part.
const CN_2025: CalendarDay[] = [
  { date: '2025-09-28', kind: 'WORKDAY', name: '国庆节调休' },
  { date: '2025-10-01', kind: 'HOLIDAY', name: '国庆节' },
];

const rows = () => screen.queryAllByTestId('calendar-row');
const dates = () => rows().map((r) => r.getAttribute('data-date'));

async function showYear(year: number) {
  const input = within(await screen.findByTestId('calendar-tab')).getByRole('spinbutton');
  fireEvent.change(input, { target: { value: String(year) } });
}

describe('the working calendar tab', () => {
  it('lists a year’s holidays and make-up workdays, and marks them in the month grid', async () => {
    const server = calendarServer(CN_2025);
    renderAs(ADMIN, server.mocks, <CalendarTab />);
    await showYear(2025);
    await waitFor(() => expect(dates()).toEqual(['2025-09-28', '2025-10-01']));
    expect(server.years).toContain(2025);
    expect(rows()[0].textContent).toContain('周日');
    expect(rows()[0].textContent).toContain('调休上班');
    expect(rows()[1].textContent).toContain('放假');
    expect(rows()[1].textContent).toContain('国庆节');
    expect(screen.getByTestId('calendar-summary').textContent).toBe('放假 1 天，调休上班 1 天');

    const grid = screen.getByTestId('calendar-grid');
    expect(grid.querySelector('[data-date="2025-10-01"]')?.getAttribute('data-kind')).toBe('HOLIDAY');
    expect(grid.querySelector('[data-date="2025-09-28"]')?.getAttribute('data-kind')).toBe('WORKDAY');
    expect(grid.querySelector('[data-date="2025-10-01"]')?.getAttribute('title')).toBe('2025-10-01 周三 · 放假 · 国庆节');
    expect(grid.querySelectorAll('[data-date]')).toHaveLength(365);
  });

  it('records a holiday picked in the grid: the kind follows from the weekday, and the list shows it', async () => {
    const server = calendarServer(CN_2025);
    renderAs(ADMIN, server.mocks, <CalendarTab />);
    await showYear(2025);
    await waitFor(() => expect(rows()).toHaveLength(2));

    // A Saturday can only be made a workday…
    fireEvent.click(screen.getByTestId('calendar-grid').querySelector('[data-date="2025-10-11"]')!);
    const kind = screen.getByTestId('calendar-kind');
    await waitFor(() => expect((within(kind).getByDisplayValue('WORKDAY') as HTMLInputElement).checked).toBe(true));
    await waitFor(() => expect((within(kind).getByDisplayValue('HOLIDAY') as HTMLInputElement).disabled).toBe(true));

    // …and a Wednesday only a holiday.
    fireEvent.click(screen.getByTestId('calendar-grid').querySelector('[data-date="2025-10-08"]')!);
    await waitFor(() => expect((within(kind).getByDisplayValue('HOLIDAY') as HTMLInputElement).checked).toBe(true));
    expect((screen.getByTestId('calendar-date') as HTMLInputElement).value).toBe('2025-10-08');
    fireEvent.change(screen.getByTestId('calendar-name'), { target: { value: ' 国庆节 ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('calendar-add'));
    });
    await screen.findByText('已登记：2025-10-08 放假');
    expect(server.set).toEqual([{ date: '2025-10-08', kind: 'HOLIDAY', name: '国庆节' }]);
    await waitFor(() => expect(dates()).toEqual(['2025-09-28', '2025-10-01', '2025-10-08']));
    expect(screen.getByTestId('calendar-grid').querySelector('[data-date="2025-10-08"]')?.getAttribute('data-kind')).toBe('HOLIDAY');
  });

  it('removes a day after a confirmation; it then follows its weekday again', async () => {
    const server = calendarServer(CN_2025);
    renderAs(ADMIN, server.mocks, <CalendarTab />);
    await showYear(2025);
    await waitFor(() => expect(rows()).toHaveLength(2));

    fireEvent.click(within(rows()[0]).getByTestId('calendar-remove'));
    expect(await screen.findByText('删除 2025-09-28？')).toBeTruthy();
    expect(server.removed).toEqual([]); // not before the confirmation
    const confirm = document.querySelector<HTMLElement>('.ant-popconfirm .ant-btn-dangerous')!;
    await act(async () => {
      fireEvent.click(confirm);
    });
    await screen.findByText('已删除：2025-09-28，恢复按星期计算');
    expect(server.removed).toEqual(['2025-09-28']);
    await waitFor(() => expect(dates()).toEqual(['2025-10-01']));
    expect(screen.getByTestId('calendar-grid').querySelector('[data-date="2025-09-28"]')?.hasAttribute('data-kind')).toBe(false);
  });

  it('needs a date, and says what the server refused', async () => {
    const server = calendarServer([], 'A Saturday or Sunday is a day off already');
    renderAs(ADMIN, server.mocks, <CalendarTab />);
    await showYear(2025);
    expect(await screen.findByText('2025 年尚未登记放假和调休')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('calendar-add'));
    });
    expect(await screen.findByText('请选择日期')).toBeTruthy();
    expect(server.set).toEqual([]);

    fireEvent.click(screen.getByTestId('calendar-grid').querySelector('[data-date="2025-10-01"]')!);
    await act(async () => {
      fireEvent.click(screen.getByTestId('calendar-add'));
    });
    expect(await screen.findByText('输入有误：A Saturday or Sunday is a day off already')).toBeTruthy();
    expect(server.set).toEqual([{ date: '2025-10-01', kind: 'HOLIDAY', name: null }]);
  });

  it('knows which kind a day can be', () => {
    expect(['2025-09-27', '2025-09-28', '2025-09-29', '2025-10-03'].map(kindFor)).toEqual(['WORKDAY', 'WORKDAY', 'HOLIDAY', 'HOLIDAY']);
  });
});
