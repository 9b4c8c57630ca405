import type { PreviewTask } from '../graphql/plan-import.graphql';

/** One node of the plan's numbered outline: a task, a heading above tasks, or both. */
export interface OutlineNode {
  key: string;
  /** "1.2.3" */
  code: string;
  /** For a heading: its text when a task under it names it (the task's `section`); '' when unknown */
  label: string;
  task: PreviewTask | null;
  children: OutlineNode[];
}

/**
 * Rebuilds the outline from the task codes: 1 → 1.2 → 1.2.3. Headings that are not tasks
 * themselves are filled in on the way and labelled with the `section` of a task directly
 * beneath them. Order is the document's (tasks arrive in reading order).
 */
export function buildOutlineTree(tasks: readonly PreviewTask[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const byCode = new Map<string, OutlineNode>();
  const usedKeys = new Set<string>();

  const uniqueKey = (code: string): string => {
    let key = code || '—';
    for (let n = 2; usedKeys.has(key); n++) key = `${code}#${n}`;
    usedKeys.add(key);
    return key;
  };
  const attach = (node: OutlineNode, parent: OutlineNode | null) => (parent ? parent.children : roots).push(node);

  /** The heading node for `code`, created (with its own ancestors) when first needed. */
  const heading = (segments: readonly string[]): OutlineNode | null => {
    if (segments.length === 0) return null;
    const code = segments.join('.');
    const known = byCode.get(code);
    if (known) return known;
    const parent = heading(segments.slice(0, -1));
    const node: OutlineNode = { key: uniqueKey(code), code, label: '', task: null, children: [] };
    byCode.set(code, node);
    attach(node, parent);
    return node;
  };

  for (const task of tasks) {
    const segments = task.code.split('.').filter(Boolean);
    const parentSegments = segments.slice(0, -1);
    const parent = heading(parentSegments);
    const section = task.section.trim();
    // The section is the nearest enclosing heading; a heading higher up that already carries it keeps it.
    const labelledAbove = parentSegments.some((_, i) => byCode.get(parentSegments.slice(0, i + 1).join('.'))?.label === section);
    if (parent && !parent.task && !parent.label && section && !labelledAbove) parent.label = section;
    const existing = segments.length ? byCode.get(task.code) : undefined;
    if (existing && !existing.task) {
      // A heading met earlier (a child came first) is this task after all.
      existing.task = task;
      continue;
    }
    const node: OutlineNode = { key: uniqueKey(task.code), code: task.code, label: '', task, children: [] };
    if (!existing && segments.length) byCode.set(task.code, node);
    attach(node, parent);
  }
  return roots;
}
