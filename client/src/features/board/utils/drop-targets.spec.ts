import { TASK_MACHINE_VERSION, type Actor, type PersistedTaskSnapshot } from '@workplan/shared';
import { dropTargets, moveForDrop } from './drop-targets';

const snapshot = (value: PersistedTaskSnapshot['value']): PersistedTaskSnapshot => ({
  machineId: 'task',
  machineVersion: TASK_MACHINE_VERSION,
  value,
  context: { leadDepartmentId: 'lead', cooperatingDepartmentIds: [], origin: 'PROPOSED', rectificationCount: 0, returnCount: 0, outcome: null },
});
const coordinator: Actor = { userId: 'c', role: 'COORDINATOR', departmentId: 'office' };
const leadStaff: Actor = { userId: 's', role: 'STAFF', departmentId: 'lead' };
const otherStaff: Actor = { userId: 'o', role: 'STAFF', departmentId: 'other' };

describe('drop targets come from the shared machine', () => {
  it('a coordinator may drop a task in review on approval (accept) or proposal (return)', () => {
    const targets = dropTargets(snapshot('REVIEW'), 'REVIEW', coordinator);
    expect([...targets.entries()].map(([stage, move]) => [stage, move.event, move.needsComment])).toEqual([
      ['APPROVAL', 'ACCEPT', false],
      ['PROPOSAL', 'RETURN', true],
    ]);
  });

  it('reject and withdraw leave the board, so they are not drop targets', () => {
    expect([...dropTargets(snapshot('REVIEW'), 'REVIEW', leadStaff).keys()]).toEqual([]);
  });

  it('staff of another department light up nothing', () => {
    expect(dropTargets(snapshot('PROPOSAL'), 'PROPOSAL', otherStaff).size).toBe(0);
    expect(dropTargets(snapshot('PROPOSAL'), 'PROPOSAL', leadStaff).get('REVIEW')?.event).toBe('SUBMIT');
  });

  it('an inspector sends a task back to implementation only with a comment', () => {
    const inspector: Actor = { userId: 'i', role: 'INSPECTOR', departmentId: null };
    expect(moveForDrop(snapshot('INSPECTION'), 'INSPECTION', inspector, 'IMPLEMENTATION')).toEqual({ event: 'REQUIRE_RECTIFICATION', toStage: 'IMPLEMENTATION', needsComment: true });
    expect(moveForDrop(snapshot('INSPECTION'), 'INSPECTION', inspector, 'PROPOSAL')).toBeNull();
  });
});
