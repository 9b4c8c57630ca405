import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Space, Switch, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { BoardFilterState } from '../utils/board-filter';
import { filterToSearch, isFiltered } from '../utils/board-filter';
import { ExportButton } from '../../export';
import { useSupervisionText } from '../../supervision/supervision.messages';
import { LIGHTS, type Light } from '@workplan/shared';

interface Options {
  plans: Array<{ id: string; title: string }>;
  departments: Array<{ id: string; code: string; name: string; level: string }>;
}

/** Plan, departments, overdue, lights, search and swimlanes: every change lands in the URL. */
export function BoardToolbar({ filter, onChange, onClear, options }: { filter: BoardFilterState; onChange(change: Partial<BoardFilterState>): void; onClear(): void; options: Options | undefined }) {
  const { t } = useI18n();
  const text = useSupervisionText();
  const [search, setSearch] = useState(filter.search);
  useEffect(() => setSearch(filter.search), [filter.search]);
  // Search as the user types, but not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (search !== filter.search) onChange({ search });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, filter.search, onChange]);

  return (
    <div className="board-toolbar" role="toolbar">
      <Select
        data-testid="filter-plan"
        style={{ minWidth: 220, maxWidth: 360 }}
        value={filter.planId ?? ''}
        onChange={(planId: string) => onChange({ planId: planId || null })}
        options={[{ value: '', label: t('allPlans') }, ...(options?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))]}
        aria-label={t('plan')}
        popupMatchSelectWidth={false}
      />
      <Select
        data-testid="filter-departments"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 220, flex: '1 1 220px', maxWidth: 420 }}
        placeholder={t('allDepartments')}
        value={filter.departmentCodes}
        onChange={(departmentCodes: string[]) => onChange({ departmentCodes })}
        optionFilterProp="label"
        options={(options?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
        aria-label={t('departments')}
      />
      <Checkbox checked={filter.includeCooperating} disabled={filter.departmentCodes.length === 0} onChange={(e) => onChange({ includeCooperating: e.target.checked })}>
        {t('includeCooperating')}
      </Checkbox>
      <Checkbox data-testid="filter-overdue" checked={filter.overdue} onChange={(e) => onChange({ overdue: e.target.checked })}>
        {t('onlyOverdue')}
      </Checkbox>
      <Select
        data-testid="filter-lights"
        mode="multiple"
        allowClear
        style={{ minWidth: 130 }}
        placeholder={text.light}
        value={filter.lights}
        onChange={(lights: Light[]) => onChange({ lights })}
        options={LIGHTS.map((light) => ({
          value: light,
          label: (
            <span className="light-option">
              <span className={`light-dot light-dot--${light}`} aria-hidden /> {text.lightName[light]}
            </span>
          ),
        }))}
        aria-label={text.light}
      />
      <Input
        data-testid="filter-search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('search')}
        style={{ width: 220 }}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onPressEnter={() => onChange({ search })}
        aria-label={t('search')}
      />
      <Space size={6}>
        <Switch size="small" checked={filter.swimlanes} onChange={(swimlanes) => onChange({ swimlanes })} aria-label={t('swimlanes')} data-testid="toggle-swimlanes" />
        <span>{t('swimlanes')}</span>
      </Space>
      <ExportButton
        data-testid="export-ledger"
        size="small"
        path={`/export/ledger.xlsx${filterToSearch(filter)}`}
        label={t('exportLedger')}
        fallbackName="工作台账.xlsx"
      />
      {isFiltered(filter) && (
        <Tooltip title={t('clearFilters')}>
          <Button size="small" onClick={onClear}>{t('clearFilters')}</Button>
        </Tooltip>
      )}
    </div>
  );
}
