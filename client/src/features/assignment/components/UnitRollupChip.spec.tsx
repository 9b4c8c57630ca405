import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../i18n/i18n';
import { UnitRollupChip } from './UnitRollupChip';

const rollup = { units: 4, signed: 4, reported: 3, passed: 1, returned: 1, sentBack: 0 };

describe('the card’s units chip', () => {
  it('reads “3/4 已报 · 1 退回” on a task in implementation, in English too', () => {
    const { unmount } = render(<I18nProvider language="zh-CN"><UnitRollupChip rollup={rollup} stage="IMPLEMENTATION" /></I18nProvider>);
    expect(screen.getByTestId('chip-units').textContent).toBe('3/4 已报 · 1 退回');
    unmount(); // the provider takes its language once
    render(<I18nProvider language="en"><UnitRollupChip rollup={rollup} stage="IMPLEMENTATION" /></I18nProvider>);
    expect(screen.getByTestId('chip-units').textContent).toBe('3/4 reported · 1 returned');
  });

  it('stays off a proposal’s card with nothing to look at', () => {
    render(<I18nProvider language="zh-CN"><UnitRollupChip rollup={{ ...rollup, returned: 0 }} stage="REVIEW" /></I18nProvider>);
    expect(screen.queryByTestId('chip-units')).toBeNull();
  });
});
