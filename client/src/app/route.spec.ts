import { homeView, viewsFor, viewOf } from './route';

describe('views by role', () => {
  it('gives an administrator only the administration, and nobody else it', () => {
    expect(viewsFor('ADMIN')).toEqual(['admin']);
    for (const role of ['COORDINATOR', 'APPROVER', 'INSPECTOR', 'MANAGER', 'STAFF'] as const) expect(viewsFor(role)).not.toContain('admin');
  });

  it('offers the board, dashboard and work list to everyone else, and importing to coordinators only', () => {
    expect(viewsFor('COORDINATOR')).toEqual(['board', 'watch', 'following', 'dashboard', 'inbox', 'import']);
    expect(viewsFor('STAFF')).toEqual(['board', 'dashboard', 'inbox']);
    expect(viewsFor('MANAGER')).toEqual(['board', 'watch', 'following', 'dashboard', 'inbox']);
  });

  it('offers the watch list (督办) to those who supervise, not to department staff', () => {
    for (const role of ['COORDINATOR', 'APPROVER', 'INSPECTOR', 'MANAGER'] as const) expect(viewsFor(role)).toContain('watch');
    expect(viewsFor('STAFF')).not.toContain('watch');
    expect(viewsFor('ADMIN')).not.toContain('watch');
  });

  it('offers the followed tasks (我关注的) to leaders and the office, who follow tasks', () => {
    for (const role of ['COORDINATOR', 'APPROVER', 'MANAGER'] as const) expect(viewsFor(role)).toContain('following');
    for (const role of ['INSPECTOR', 'STAFF', 'ADMIN'] as const) expect(viewsFor(role)).not.toContain('following');
    expect(viewOf('/following')).toBe('following');
  });

  it('reads the view from the path', () => {
    expect(viewOf('/admin')).toBe('admin');
    expect(viewOf('/watch')).toBe('watch');
    expect(viewOf('/')).toBe('board');
  });

  it('starts a coordinator at the watch list and everyone else at their first view', () => {
    expect(homeView('COORDINATOR')).toBe('watch');
    expect(homeView('STAFF')).toBe('board');
    expect(homeView('MANAGER')).toBe('board');
    expect(homeView('ADMIN')).toBe('admin');
  });
});
