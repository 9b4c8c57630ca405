import { Button, Input, Space } from 'antd';
import { useState, type ReactElement } from 'react';
import { useDashboardText } from '../dashboard.messages';
import { currentQuarter, normalisePeriod } from '../utils/period';

/**
 * An assessment period (2026-Q3, 2026-H1, 2026) typed in and applied with Enter or the button;
 * an entry that is no period is marked and not applied. Returns the applied period, the control,
 * and whether the entry on show is no period.
 */
export function usePeriodPicker({ initial, disabled, testId }: { initial?: string; disabled: boolean; testId: string }): [string, ReactElement, boolean] {
  const text = useDashboardText();
  const [period, setPeriod] = useState(() => initial ?? currentQuarter());
  const [draft, setDraft] = useState(period);
  const [invalid, setInvalid] = useState(false);
  const apply = () => {
    const next = normalisePeriod(draft);
    setInvalid(next === null);
    if (next) {
      setDraft(next);
      setPeriod(next);
    }
  };
  const control = (
    <Space.Compact size="small">
      <Input
        aria-label={text.period}
        data-testid={testId}
        value={draft}
        placeholder={text.periodPlaceholder}
        status={invalid ? 'error' : undefined}
        style={{ width: 108 }}
        onChange={(e) => {
          setDraft(e.target.value);
          setInvalid(false);
        }}
        onPressEnter={apply}
        disabled={disabled}
      />
      <Button onClick={apply} disabled={disabled} data-testid={`${testId}-apply`}>
        {text.show}
      </Button>
    </Space.Compact>
  );
  return [period, control, invalid];
}
