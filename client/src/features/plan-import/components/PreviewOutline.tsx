import { Empty, Flex, Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import type { PreviewTask } from '../graphql/plan-import.graphql';
import { usePlanImportText, type PlanImportText } from '../plan-import.messages';
import { buildOutlineTree, type OutlineNode } from '../utils/outline-tree';

function TaskLine({ task, text, isNew }: { task: PreviewTask; text: PlanImportText; isNew(name: string): boolean }) {
  return (
    <Flex wrap gap={6} align="center" data-testid="import-task" data-code={task.code}>
      <Typography.Text strong>{task.code}</Typography.Text>
      <span>{task.title}</span>
      {task.leadDepartments.length === 0 ? (
        <Tag color="red">{text.noLead}</Tag>
      ) : (
        task.leadDepartments.map((name) => (
          <Tooltip key={name} title={isNew(name) ? text.newDepartmentTag : undefined}>
            <Tag color={isNew(name) ? 'orange' : 'blue'}>
              {text.lead} {name}
            </Tag>
          </Tooltip>
        ))
      )}
      {task.cooperatingDepartments.length > 0 && (
        <Tooltip title={task.cooperatingDepartments.join('、')}>
          <Tag>{text.coop(task.cooperatingDepartments.length)}</Tag>
        </Tooltip>
      )}
      {task.groups.map((group) => (
        <Tag key={group} color="purple">
          {group}
        </Tag>
      ))}
      <Typography.Text type={task.deadline ? undefined : 'secondary'}>{task.deadline ? text.deadline(task.deadline) : text.noDeadline}</Typography.Text>
      <Tooltip title={text.startStageHint[task.startStage]}>
        <Tag color={task.startStage === 'PROPOSAL' ? 'gold' : 'green'}>{text.startStage[task.startStage] ?? task.startStage}</Tag>
      </Tooltip>
    </Flex>
  );
}

function toTreeData(nodes: readonly OutlineNode[], text: PlanImportText, isNew: (name: string) => boolean): DataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: node.task ? (
      <TaskLine task={node.task} text={text} isNew={isNew} />
    ) : (
      <span data-testid="import-heading" data-code={node.code}>
        <Typography.Text strong>{node.code}</Typography.Text> <Typography.Text type="secondary">{node.label}</Typography.Text>
      </span>
    ),
    children: node.children.length ? toTreeData(node.children, text, isNew) : undefined,
  }));
}

/** The plan's numbered outline, every task with its departments, deadline and the stage it starts in. */
export function PreviewOutline({ tasks, newDepartments }: { tasks: readonly PreviewTask[]; newDepartments: ReadonlySet<string> }) {
  const text = usePlanImportText();
  const treeData = useMemo(() => toTreeData(buildOutlineTree(tasks), text, (name) => newDepartments.has(name)), [tasks, text, newDepartments]);
  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noTasks} />;
  return <Tree data-testid="import-tree" treeData={treeData} defaultExpandAll showLine blockNode selectable={false} />;
}
