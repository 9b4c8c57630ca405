import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { TaskResultsPanel } from '../assessment/TaskResultsPanel';
import { TaskUnitsPanel } from '../assignment';
import { TaskFindingsPanel } from '../finding';
import { TaskInspectionsPanel } from '../inspection';
import { TaskInstructionsPanel } from '../instruction';
import { useInstructionText } from '../instruction/instruction.messages';
import { TaskRemindersPanel } from '../reminder';
import { TaskReportsPanel } from '../report';
import { TaskRequestsPanel } from '../side-request';
import { useTaskWorkText } from './task-work.messages';
import type { WorkTask } from './work-task';

/** Reports, findings and inspections exist from implementation on; before that the task is only a proposal. */
const WORK_STARTED = new Set(['IMPLEMENTATION', 'INSPECTION', 'COMMENDATION', 'ARCHIVED']);
/** A proposal past its deadline is reminded too (the escalation rules cover every stage before inspection). */
const REMINDED_BEFORE_WORK = new Set(['PROPOSAL', 'REVIEW', 'APPROVAL']);

export interface TabTask extends WorkTask {
  /** Unit names, for the reminder form (the drawer's query has them). */
  leadDepartment: { id: string; name?: string };
  cooperatingDepartments: ReadonlyArray<{ id: string; name?: string }>;
  /** Shown next to the tab names when the query provides them. */
  progressReportCount?: number;
  openFindingCount?: number;
  /** Side requests (申请) check the deadline; without one only suspension, cancellation and adjustment fit. */
  dueDate?: string | null;
}

const counted = (label: string, count: number | undefined) => (count ? `${label} (${count})` : label);

/**
 * The drawer's body as tabs: the caller's overview first; from implementation on, the responsible
 * units' own records, the task's progress reports, findings, inspections and results; reminders
 * wherever a deadline can be missed; side requests (申请) in every stage (filed before
 * inspection; a suspended or cancelled task shows why here), and leaders' instructions (批示). Tabs render on first opening, so
 * their queries run only when looked at.
 */
export function TaskWorkTabs({ task, overview }: { task: TabTask; overview: ReactNode }) {
  const text = useTaskWorkText();
  const instructionText = useInstructionText();
  const started = WORK_STARTED.has(task.stage);
  const items = [
    { key: 'overview', label: text.overview, children: overview },
    ...(started
      ? [
          { key: 'units', label: text.units, children: <TaskUnitsPanel task={task} /> },
          { key: 'reports', label: counted(text.reports, task.progressReportCount), children: <TaskReportsPanel task={task} /> },
          { key: 'findings', label: counted(text.findings, task.openFindingCount), children: <TaskFindingsPanel task={task} /> },
          { key: 'inspections', label: text.inspections, children: <TaskInspectionsPanel task={task} /> },
          { key: 'results', label: text.results, children: <TaskResultsPanel task={task} /> },
        ]
      : []),
    ...(started || REMINDED_BEFORE_WORK.has(task.stage) ? [{ key: 'reminders', label: text.reminders, children: <TaskRemindersPanel task={task} /> }] : []),
    { key: 'requests', label: text.requests, children: <TaskRequestsPanel task={{ ...task, dueDate: task.dueDate ?? null }} /> },
    // Leaders may instruct on a task in any stage (批示).
    { key: 'instructions', label: instructionText.tab, children: <TaskInstructionsPanel task={task} /> },
  ];
  // Keyed by task: opening another task starts afresh, without a half-written form from the last one.
  // Nine tabs fit the drawer's width with a narrower gutter; on a narrow screen the rest go under ⋯.
  return <Tabs key={task.id} data-testid="task-work-tabs" tabBarGutter={20} items={items} />;
}
