import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, type ButtonProps } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { downloadExport, ExportError } from './download';
import { useExportText } from './export.messages';

export interface ExportButtonProps {
  /** Path and query of the export, e.g. `/export/ledger.xlsx?plan=…` */
  path: string;
  label: ReactNode;
  /** Saved under this name when the server sends no Content-Disposition */
  fallbackName: string;
  disabled?: boolean;
  /** Shown on hover, e.g. why the button is disabled */
  tooltip?: ReactNode;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
  'data-testid'?: string;
}

/** A button that downloads an Excel export with the user's token, spinning while it runs and saying why when it fails. */
export function ExportButton({ path, label, fallbackName, disabled, tooltip, size, type, 'data-testid': testId }: ExportButtonProps) {
  const { message } = App.useApp();
  const text = useExportText();
  const [loading, setLoading] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async () => {
    setLoading(true);
    try {
      await downloadExport(path, fallbackName);
    } catch (error) {
      const failure = error instanceof ExportError ? error : new ExportError('UNKNOWN', error instanceof Error ? error.message : String(error));
      void message.error(text.failed(text.reason(failure)));
    } finally {
      if (mounted.current) setLoading(false);
    }
  }, [path, fallbackName, message, text]);

  const button = (
    <Button icon={<DownloadOutlined />} loading={loading} disabled={disabled} size={size} type={type} onClick={() => void run()} data-testid={testId}>
      {label}
    </Button>
  );
  return tooltip ? <Tooltip title={tooltip}>{disabled ? <span style={{ display: 'inline-block' }}>{button}</span> : button}</Tooltip> : button;
}
