import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { TaskResultsPanel } from '../assessment/TaskResultsPanel';
import { TaskFindingsPanel } from '../finding';
import { TaskInspectionsPanel } from '../inspection';
import { TaskInstructionsPanel } from '../instruction';
import { useInstructionText } from '../instruction/instruction.messages';
import { TaskReportsPanel } from '../report';
import { useTaskWorkText } from './task-work.messages';
import type { WorkTask } from './work-task';

/** Reports, findings and inspections exist from implementation on; before that the task is only a proposal. */
const WORK_STARTED = new Set(['IMPLEMENTATION', 'INSPECTION', 'COMMENDATION', 'ARCHIVED']);

export interface TabTask extends WorkTask {
  /** Shown next to the tab names when the query provides them. */
  progressReportCount?: number;
  openFindingCount?: number;
}

const counted = (label: string, count: number | undefined) => (count ? `${label} (${count})` : label);

/**
 * The drawer's body as tabs: the caller's overview first, then the task's progress reports,
 * findings and inspections. Tabs render on first opening, so their queries run only when looked at.
 */
export function TaskWorkTabs({ task, overview }: { task: TabTask; overview: ReactNode }) {
  const text = useTaskWorkText();
  const instructionText = useInstructionText();
  // Leaders may instruct on a task in any stage (批示), so that tab is there from the start.
  const instructions = { key: 'instructions', label: instructionText.tab, children: <TaskInstructionsPanel task={task} /> };
  if (!WORK_STARTED.has(task.stage)) {
    return <Tabs key={task.id} data-testid="task-work-tabs" items={[{ key: 'overview', label: text.overview, children: overview }, instructions]} />;
  }
  return (
    // Keyed by task: opening another task starts afresh, without a half-written form from the last one.
    <Tabs
      key={task.id}
      data-testid="task-work-tabs"
      items={[
        { key: 'overview', label: text.overview, children: overview },
        { key: 'reports', label: counted(text.reports, task.progressReportCount), children: <TaskReportsPanel task={task} /> },
        { key: 'findings', label: counted(text.findings, task.openFindingCount), children: <TaskFindingsPanel task={task} /> },
        { key: 'inspections', label: text.inspections, children: <TaskInspectionsPanel task={task} /> },
        { key: 'results', label: text.results, children: <TaskResultsPanel task={task} /> },
        instructions,
      ]}
    />
  );
}
