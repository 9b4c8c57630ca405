import { ServerError } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, App as AntApp, Button, Card, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { AppHeader } from '../../../app/AppHeader';
import { errorMessageKey, toApiError } from '../../../app/errors';
import { navigate } from '../../../app/route';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/session';
import { EMPTY_FILTER, filterToSearch } from '../../board/utils/board-filter';
import { IMPORT_PLAN, type DepartmentChoice, type ImportPlanInput, type PlanImportResult } from '../graphql/plan-import.graphql';
import { usePlanImportText } from '../plan-import.messages';
import { PASTED_FILE_NAME, readAsBase64 } from '../utils/document-file';
import { initialChoices, newDepartmentsOf } from './DepartmentChoices';
import { DocumentSourceForm, type DocumentSourceValue } from './DocumentSourceForm';
import { ImportPreview } from './ImportPreview';

/** The document as sent for the preview; the import sends exactly the same, so what was checked is what is imported. */
type DocumentInput = Pick<ImportPlanInput, 'text' | 'fileName' | 'fileBase64'>;

/** The board filtered to one plan. */
function openBoard(planId: string): void {
  navigate('board', filterToSearch({ ...EMPTY_FILTER, planId }));
}

/** /import: a coordinator turns a published plan document into tasks on the board — upload, check the preview, import. */
export function PlanImportPage() {
  const text = usePlanImportText();
  const { user } = useSession();
  return (
    <div className="board-page">
      <AppHeader onOpenTask={() => navigate('board', false)} />
      <main style={{ padding: 16, overflow: 'auto', flex: 1 }} data-testid="import-page">
        {user.role === 'COORDINATOR' ? (
          <PlanImport />
        ) : (
          <Result status="403" title={text.coordinatorOnly} extra={<Button onClick={() => navigate('board', false)}>{text.backToBoard}</Button>} />
        )}
      </main>
    </div>
  );
}

function PlanImport() {
  const text = usePlanImportText();
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const client = useApolloClient();
  const [source, setSource] = useState<DocumentSourceValue>({ file: null, pasted: '' });
  const [reading, setReading] = useState(false);
  const [previewed, setPreviewed] = useState<{ input: DocumentInput; result: PlanImportResult } | null>(null);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string | null>(null);
  // The preview can be large and is only needed here: keep it out of the cache.
  const [runPreview, previewState] = useMutation(IMPORT_PLAN, { fetchPolicy: 'no-cache' });
  const [runImport, importState] = useMutation(IMPORT_PLAN, { fetchPolicy: 'no-cache' });

  const describe = (caught: unknown): string => {
    if (ServerError.is(caught) && caught.statusCode === 413) return text.tooLargeForServer;
    const { key, params } = errorMessageKey(toApiError(caught));
    return t(key, params);
  };

  const preview = async () => {
    setError(null);
    let input: DocumentInput;
    if (source.file) {
      setReading(true);
      try {
        input = { fileName: source.file.name, fileBase64: await readAsBase64(source.file) };
      } catch {
        setError(text.readFailed);
        return;
      } finally {
        setReading(false);
      }
    } else if (source.pasted.trim()) {
      input = { fileName: PASTED_FILE_NAME, text: source.pasted };
    } else {
      setError(text.needDocument);
      return;
    }
    try {
      const { data } = await runPreview({ variables: { input: { ...input, dryRun: true } } });
      if (!data) return;
      setChoices(initialChoices(data.importPlan.departments));
      setPreviewed({ input, result: data.importPlan });
    } catch (caught) {
      setError(describe(caught));
    }
  };

  const confirm = async () => {
    if (!previewed) return;
    setError(null);
    const departmentChoices: DepartmentChoice[] = newDepartmentsOf(previewed.result.departments).map((d) => ({ name: d.name, departmentId: choices[d.name] ?? null }));
    try {
      const { data } = await runImport({ variables: { input: { ...previewed.input, dryRun: false, departmentChoices } } });
      const result = data?.importPlan;
      if (!result?.planId) {
        setError(t('errorUnknown', { message: 'no plan' }));
        return;
      }
      void message.success(result.alreadyImported ? text.wasImported : text.imported(result.preview.plan.title || text.untitled, result.taskCount));
      // The board's plan and department lists are cached: drop them so it loads the new plan and any new departments.
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'plans' });
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'departments' });
      client.cache.gc();
      openBoard(result.planId);
    } catch (caught) {
      setError(describe(caught));
    }
  };

  const errorAlert = error && <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} data-testid="import-error" style={{ marginBottom: 12 }} />;
  const step = previewed ? (importState.loading ? 2 : 1) : 0;

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {text.title}
      </Typography.Title>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: text.steps.source }, { title: text.steps.preview }, { title: text.steps.confirm }]}
      />
      {previewed ? (
        <ImportPreview
          result={previewed.result}
          sourceName={previewed.input.fileName}
          choices={choices}
          onChoose={(name, departmentId) => setChoices((current) => ({ ...current, [name]: departmentId }))}
          onBack={() => {
            setPreviewed(null);
            setError(null);
          }}
          onConfirm={() => void confirm()}
          onOpenBoard={openBoard}
          importing={importState.loading}
          error={errorAlert}
        />
      ) : (
        <Card size="small">
          <Typography.Paragraph type="secondary">{text.intro}</Typography.Paragraph>
          {errorAlert}
          <DocumentSourceForm value={source} onChange={setSource} onPreview={() => void preview()} busy={reading || previewState.loading} />
        </Card>
      )}
    </div>
  );
}
