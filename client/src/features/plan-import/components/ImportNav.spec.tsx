import { fireEvent, screen } from '@testing-library/react';
import { AppHeader } from '../../../app/AppHeader';
import { USERS, renderAs } from '../../task-work/test-providers';

jest.mock('@ant-design/icons', () => ({ LogoutOutlined: () => null, TranslationOutlined: () => null }));
jest.mock('../../notification/NotificationBell', () => ({ NotificationBell: () => null }));

describe('the header’s 导入方案 entry', () => {
  beforeEach(() => history.replaceState(null, '', '/'));

  it('is offered to coordinators and opens /import', async () => {
    renderAs(USERS.coordinator, [], <AppHeader onOpenTask={() => {}} />);
    fireEvent.click(await screen.findByText('导入方案'));
    expect(location.pathname).toBe('/import');
  });

  it.each([['lead staff', USERS.leadStaff], ['inspector', USERS.inspector]])('is not offered to %s', async (_, user) => {
    renderAs(user, [], <AppHeader onOpenTask={() => {}} />);
    expect(await screen.findByTestId('nav-inbox')).toBeTruthy();
    expect(screen.queryByTestId('nav-import')).toBeNull();
  });
});
