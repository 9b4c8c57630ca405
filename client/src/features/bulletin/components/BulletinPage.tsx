import { useQuery } from '@apollo/client/react';
import { LEDGER_GROUPS } from '@workplan/shared';
import { Alert, Button, Select, Skeleton, Space } from 'antd';
import { Fragment, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { ExportButton } from '../../export';
import { SUPERVISION_BULLETIN, type Bulletin, type BulletinItem } from '../graphql/bulletin.graphql';
import { bulletinParamsOf, bulletinPath, recentPeriods, supervisionLedgerPath } from '../utils/bulletin-route';
import { useBulletinText, type BulletinText } from '../bulletin.messages';

/**
 * The supervision bulletin (督办通报) as an office prints it: title and number line, the totals with
 * their shares, the units lagging behind named with their items, and the ledger attached. Print CSS
 * hides the toolbar; the figures come from supervisionBulletin (as of today).
 */
export function BulletinPage() {
  const text = useBulletinText();
  const [params, setParams] = useState(() => bulletinParamsOf(location.search));
  const { data, loading, error } = useQuery(SUPERVISION_BULLETIN, {
    variables: { planId: params.planId ?? '', period: params.period },
    skip: !params.planId,
    fetchPolicy: 'cache-and-network',
  });
  const choosePeriod = (period: string) => {
    if (!params.planId) return;
    history.replaceState(null, '', bulletinPath(params.planId, period));
    setParams({ ...params, period });
  };
  const bulletin = data?.supervisionBulletin;
  const periods = recentPeriods();
  return (
    <div className="bulletin-page">
      <Space className="no-print bulletin-toolbar" wrap>
        <Button onClick={() => (history.length > 1 ? history.back() : location.assign('/watch'))}>{text.back}</Button>
        <Select
          data-testid="bulletin-period"
          value={params.period}
          onChange={choosePeriod}
          style={{ minWidth: 160 }}
          options={(periods.includes(params.period) ? periods : [params.period, ...periods]).map((p) => ({ value: p, label: text.period(p) }))}
          aria-label={text.period(params.period)}
        />
        <Button type="primary" onClick={() => window.print()} disabled={!bulletin} data-testid="bulletin-print">
          {text.print}
        </Button>
        <ExportButton path={supervisionLedgerPath({ planId: params.planId }, params.period)} label={text.exportLedger} fallbackName="督办台账.xlsx" disabled={!params.planId} data-testid="bulletin-export" />
      </Space>
      {!params.planId ? (
        <Alert type="info" showIcon title={text.choosePlan} />
      ) : !bulletin ? (
        loading ? <Skeleton active /> : <Alert type="error" showIcon title={text.loadFailed} description={error?.message} />
      ) : (
        <BulletinDocument bulletin={bulletin} />
      )}
    </div>
  );
}

export function BulletinDocument({ bulletin }: { bulletin: Bulletin }) {
  const text = useBulletinText();
  const figures = ['total', 'finished', 'inProgress', 'overdue', 'ended'] as const;
  const percent: Partial<Record<(typeof figures)[number], number>> = { finished: bulletin.finishedPercent, inProgress: bulletin.inProgressPercent, overdue: bulletin.overduePercent };
  return (
    <article className="bulletin" data-testid="bulletin">
      <h1 className="bulletin__title">{text.title}</h1>
      <div className="bulletin__number" data-testid="bulletin-number">{text.number(bulletin.year, bulletin.issue)}</div>
      <div className="bulletin__masthead">
        <span>{text.office}</span>
        <span data-testid="bulletin-issued">{text.issuedOn(bulletin.issuedOn)}</span>
      </div>

      <h2>{text.overviewHeading}</h2>
      <p className="bulletin__paragraph" data-testid="bulletin-overview">{text.overview(bulletin)}</p>
      <div className="bulletin__figures">
        {figures.map((key) => (
          <div key={key} className={`bulletin__figure bulletin__figure--${key}`} data-testid={`bulletin-figure-${key}`}>
            <div className="bulletin__figure-value">{bulletin[key]}</div>
            <div className="bulletin__figure-label">
              {text.figures[key]}
              {percent[key] !== undefined && <span className="bulletin__figure-percent"> {percent[key]}%</span>}
            </div>
          </div>
        ))}
      </div>

      <h2>{text.laggingHeading}</h2>
      {bulletin.laggingUnits.length === 0 ? (
        <p className="bulletin__paragraph">{text.noLagging}</p>
      ) : (
        <>
          <p className="bulletin__paragraph">{text.laggingIntro}</p>
          <ol className="bulletin__lagging" data-testid="bulletin-lagging">
            {bulletin.laggingUnits.map((unit) => (
              <li key={unit.departmentId} data-testid="bulletin-lagging-unit">
                <strong>{unit.departmentName}</strong>（{text.items(unit.items.length)}）
                <ul>
                  {unit.items.map((item) => (
                    <li key={item.taskId}>
                      {item.taskCode} {item.taskTitle}：{item.reasons.map((r) => text.reasons[r]).join(text.reasonSeparator)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}

      <h2 className="bulletin__attachment">{text.attachmentHeading}</h2>
      {bulletin.items.length === 0 ? <p className="bulletin__paragraph">{text.empty}</p> : <LedgerTable items={bulletin.items} text={text} />}
    </article>
  );
}

/** The ledger as a table: a heading row per group with its count, one row per unit, the task's cells spanning its units. */
function LedgerTable({ items, text }: { items: BulletinItem[]; text: BulletinText }) {
  const { stage } = useI18n();
  const c = text.columns;
  let serial = 0;
  return (
    <table className="bulletin__ledger" data-testid="bulletin-ledger">
      <thead>
        <tr>
          {[c.serial, c.code, c.task, c.assignedOn, c.unit, c.person, c.deadline, c.progress, c.extension, c.days, c.status, c.overdue].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {LEDGER_GROUPS.map((group) => {
          const members = items.filter((i) => i.group === group);
          return (
            <Fragment key={group}>
              <tr className="bulletin__group" data-testid={`bulletin-group-${group}`}>
                <td colSpan={12}>{text.groupHeading(text.groups[group], members.length)}</td>
              </tr>
              {members.map((item) => {
                serial++;
                const span = item.units.length;
                return item.units.map((unit, u) => (
                  <tr key={`${item.taskId}-${unit.departmentId}`} data-testid="bulletin-ledger-row" data-task-id={item.taskId}>
                    {u === 0 && (
                      <>
                        <td rowSpan={span}>{serial}</td>
                        <td rowSpan={span}>{item.code}</td>
                        <td rowSpan={span}>{item.title}</td>
                        <td rowSpan={span}>{item.assignedOn}</td>
                      </>
                    )}
                    <td>
                      {unit.departmentName}（{unit.lead ? text.lead : text.cooperating}）
                    </td>
                    <td>{unit.responsiblePerson}</td>
                    <td>{unit.dueDate ?? ''}</td>
                    <td className="bulletin__progress">
                      {unit.percentDone === null ? text.notReported : text.progress(unit.percentDone, unit.workDone ?? '')}
                      {unit.returned && <div className="bulletin__returned">{text.returned(unit.returnCount)}</div>}
                    </td>
                    {u === 0 && (
                      <>
                        <td rowSpan={span}>{item.extensions.length ? item.extensions.map((e, i) => <div key={i}>{text.extension(e)}</div>) : text.none}</td>
                        <td rowSpan={span}>{item.daysToFinish === null ? '' : text.days(item.daysToFinish)}</td>
                        <td rowSpan={span}>{stage(item.stage)}</td>
                        <td rowSpan={span} className={item.overdue ? 'bulletin__overdue' : undefined}>
                          {item.overdue ? text.yes : text.no}
                        </td>
                      </>
                    )}
                  </tr>
                ));
              })}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
