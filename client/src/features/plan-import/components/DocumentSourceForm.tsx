import { InboxOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Input, Typography, Upload } from 'antd';
import { DOCUMENT_ACCEPT, documentProblem } from '../utils/document-file';
import { usePlanImportText } from '../plan-import.messages';

export interface DocumentSourceValue {
  file: File | null;
  pasted: string;
}

/** Step 1: a .docx/.txt file (checked here for type and size) or the plan's text pasted in. */
export function DocumentSourceForm({
  value,
  onChange,
  onPreview,
  busy,
}: {
  value: DocumentSourceValue;
  onChange(next: DocumentSourceValue): void;
  onPreview(): void;
  busy: boolean;
}) {
  const text = usePlanImportText();
  const { message } = AntApp.useApp();
  const { file, pasted } = value;
  const ready = file !== null || pasted.trim() !== '';
  return (
    <Flex vertical gap={12} style={{ maxWidth: 880 }}>
      <Upload.Dragger
        data-testid="import-upload"
        accept={DOCUMENT_ACCEPT}
        multiple={false}
        maxCount={1}
        disabled={busy}
        fileList={file ? [{ uid: (file as File & { uid?: string }).uid ?? file.name, name: file.name, size: file.size, status: 'done' }] : []}
        beforeUpload={(chosen) => {
          const problem = documentProblem(chosen);
          if (problem) {
            void message.error(problem === 'type' ? text.fileTypes : problem === 'size' ? text.fileTooLarge : text.fileEmpty);
          } else {
            onChange({ file: chosen, pasted: '' });
          }
          // Nothing is uploaded yet: the file is read and sent with the preview.
          return Upload.LIST_IGNORE;
        }}
        onRemove={() => onChange({ file: null, pasted })}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{text.dragTitle}</p>
        <p className="ant-upload-hint">{text.dragHint}</p>
      </Upload.Dragger>
      <Typography.Text type="secondary">{text.orPaste}</Typography.Text>
      <Input.TextArea
        data-testid="import-paste"
        value={pasted}
        onChange={(event) => onChange({ file, pasted: event.target.value })}
        placeholder={file ? text.pasteDisabled : text.pastePlaceholder}
        disabled={busy || file !== null}
        rows={10}
      />
      <Flex justify="flex-end">
        <Button type="primary" size="large" data-testid="import-preview-button" loading={busy} disabled={!ready} onClick={onPreview}>
          {busy ? text.parsing : text.previewButton}
        </Button>
      </Flex>
    </Flex>
  );
}
