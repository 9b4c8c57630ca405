import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CalendarDayKind } from '@workplan/shared';
import { CARD_FIELDS, type CardTask } from '../../board/graphql/board.graphql';

/** A watched task: the card's fields (the light among them) and the plan it belongs to, since codes repeat across plans. */
export interface WatchedTask extends CardTask {
  plan: { id: string; title: string } | null;
}

export interface WatchList {
  overdue: WatchedTask[];
  dueSoon: WatchedTask[];
  behindPace: WatchedTask[];
  reportsMissed: WatchedTask[];
  stale: WatchedTask[];
  reportsReturned: WatchedTask[];
  signedLate: WatchedTask[];
}

export type WatchGroup = keyof WatchList;
export const WATCH_GROUPS: readonly WatchGroup[] = ['overdue', 'dueSoon', 'behindPace', 'reportsMissed', 'reportsReturned', 'signedLate', 'stale'];

export interface WatchListVars {
  planId: string | null;
  departmentId: string | null;
}

export const WATCH_LIST: TypedDocumentNode<{ watchList: WatchList }, WatchListVars> = gql`
  query WatchList($planId: ID, $departmentId: ID) {
    watchList(planId: $planId, departmentId: $departmentId) {
      overdue { ...WatchedTask }
      dueSoon { ...WatchedTask }
      behindPace { ...WatchedTask }
      reportsMissed { ...WatchedTask }
      stale { ...WatchedTask }
      reportsReturned { ...WatchedTask }
      signedLate { ...WatchedTask }
    }
  }
  fragment WatchedTask on Task { ...CardFields plan { id title } }
  ${CARD_FIELDS}
`;

/** An exception to the weekday rule: a weekday off (HOLIDAY) or a weekend day worked (WORKDAY, 调休). */
export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

export const CALENDAR_DAYS: TypedDocumentNode<{ calendarDays: CalendarDay[] }, { year: number }> = gql`
  query CalendarDays($year: Int!) { calendarDays(year: $year) { date kind name } }
`;

export interface SetCalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

export const SET_CALENDAR_DAY: TypedDocumentNode<{ setCalendarDay: CalendarDay }, { input: SetCalendarDayInput }> = gql`
  mutation SetCalendarDay($input: SetCalendarDayInput!) { setCalendarDay(input: $input) { date kind name } }
`;

export const REMOVE_CALENDAR_DAY: TypedDocumentNode<{ removeCalendarDay: boolean }, { date: string }> = gql`
  mutation RemoveCalendarDay($date: String!) { removeCalendarDay(date: $date) }
`;
