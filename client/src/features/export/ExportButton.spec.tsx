import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { I18nProvider } from '../../i18n/i18n';
import { ExportError } from './download';
import { ExportButton } from './ExportButton';

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ DownloadOutlined: () => null }));

const downloadExport = jest.fn<Promise<void>, [string, string]>();
jest.mock('./download', () => ({ ...jest.requireActual('./download'), downloadExport: (...args: [string, string]) => downloadExport(...args) }));

function renderButton(language: 'zh-CN' | 'en' = 'zh-CN') {
  return render(
    <I18nProvider language={language}>
      <AntApp>
        <ExportButton path="/export/ledger.xlsx?plan=p1" label="导出台账" fallbackName="台账.xlsx" data-testid="export-ledger" />
      </AntApp>
    </I18nProvider>,
  );
}

describe('ExportButton', () => {
  beforeEach(() => downloadExport.mockReset());

  it('downloads the path, spinning until it is done', async () => {
    let finish!: () => void;
    downloadExport.mockReturnValue(new Promise<void>((resolve) => (finish = resolve)));
    renderButton();
    fireEvent.click(screen.getByTestId('export-ledger'));
    expect(downloadExport).toHaveBeenCalledWith('/export/ledger.xlsx?plan=p1', '台账.xlsx');
    await waitFor(() => expect(screen.getByTestId('export-ledger').className).toMatch(/loading/));
    finish();
    await waitFor(() => expect(screen.getByTestId('export-ledger').className).not.toMatch(/loading/));
  });

  it('says clearly why it failed', async () => {
    downloadExport.mockRejectedValue(new ExportError('UNAUTHENTICATED', 'token expired', 401));
    renderButton();
    fireEvent.click(screen.getByTestId('export-ledger'));
    expect(await screen.findByText('导出失败：登录已失效，请重新登录')).toBeTruthy();
  });

  it('speaks English too', async () => {
    downloadExport.mockRejectedValue(new ExportError('FORBIDDEN', 'no', 403));
    renderButton('en');
    fireEvent.click(screen.getByTestId('export-ledger'));
    expect(await screen.findByText('Export failed: you are not allowed to export this data')).toBeTruthy();
  });
});
