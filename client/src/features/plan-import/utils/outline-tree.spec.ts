import type { PreviewTask } from '../graphql/plan-import.graphql';
import { buildOutlineTree, type OutlineNode } from './outline-tree';

const task = (code: string, section = ''): PreviewTask => ({
  code,
  title: `任务${code}`,
  leadDepartments: [],
  cooperatingDepartments: [],
  groups: [],
  deadline: null,
  startStage: 'IMPLEMENTATION',
  section,
});

/** "code[label]" for headings, "code*" for tasks, children in parentheses. */
const shape = (nodes: OutlineNode[]): string =>
  nodes.map((n) => `${n.code}${n.task ? '*' : `[${n.label}]`}${n.children.length ? `(${shape(n.children)})` : ''}`).join(' ');

describe('buildOutlineTree', () => {
  it('fills in the headings above the tasks and labels them with the section text', () => {
    const tree = buildOutlineTree([task('1.1', '推动产业发展'), task('1.2.1', '加强技术改造'), task('1.2.2', '加强技术改造'), task('2.1', '保障措施')]);
    expect(shape(tree)).toBe('1[推动产业发展](1.1* 1.2[加强技术改造](1.2.1* 1.2.2*)) 2[保障措施](2.1*)');
  });

  it('keeps a task that has tasks beneath it, and leaves unknown headings unlabelled', () => {
    const tree = buildOutlineTree([task('1'), task('1.1', '一、总体要求'), task('3.2.1')]);
    expect(shape(tree)).toBe('1*(1.1*) 3[](3.2[](3.2.1*))');
  });

  it('does not repeat a section on an unnumbered step below the heading that carries it', () => {
    const tree = buildOutlineTree([task('1.1', '（一）目标'), task('1.2.1', '（二）措施'), task('1.2.2.1', '（二）措施')]);
    expect(shape(tree)).toBe('1[（一）目标](1.1* 1.2[（二）措施](1.2.1* 1.2.2[](1.2.2.1*)))');
  });

  it('turns a heading met first into the task when the task comes later', () => {
    const tree = buildOutlineTree([task('1.1.1', '（一）'), task('1.1')]);
    expect(shape(tree)).toBe('1[](1.1*(1.1.1*))');
  });

  it('gives repeated codes their own keys instead of dropping them', () => {
    const tree = buildOutlineTree([task('1.1'), task('1.1'), task('')]);
    const keys: string[] = [];
    const walk = (nodes: OutlineNode[]) => nodes.forEach((n) => (keys.push(n.key), walk(n.children)));
    walk(tree);
    expect(new Set(keys).size).toBe(keys.length);
    expect(tree[0]!.children.map((n) => n.task?.code)).toEqual(['1.1', '1.1']);
  });
});
