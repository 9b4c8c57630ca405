import { downloadExport, ExportError, filenameFromDisposition } from './download';

interface FakeResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  blob(): Promise<Blob>;
}

function respond(status: number, { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}): FakeResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    headers: { get: (name) => lower[name.toLowerCase()] ?? null },
    json: async () => {
      if (typeof body === 'string') throw new SyntaxError('not JSON');
      return body;
    },
    blob: async () => new Blob([typeof body === 'string' ? body : 'xlsx-bytes']),
  };
}

describe('downloadExport', () => {
  const fetchMock = jest.fn();
  let clicked: Array<{ href: string; download: string }>;

  beforeEach(() => {
    localStorage.setItem('workplan.token', 'tok-123');
    fetchMock.mockReset();
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    URL.createObjectURL = jest.fn(() => 'blob:export-1');
    URL.revokeObjectURL = jest.fn();
    clicked = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    localStorage.clear();
  });

  it('sends the bearer token and saves under the name the server gives', async () => {
    fetchMock.mockResolvedValue(
      respond(200, { headers: { 'Content-Disposition': `attachment; filename="ledger.xlsx"; filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E4%BB%BB%E5%8A%A1%E5%8F%B0%E8%B4%A6.xlsx` } }),
    );
    await downloadExport('/export/ledger.xlsx?plan=p1&overdue=1', 'fallback.xlsx');
    expect(fetchMock).toHaveBeenCalledWith('/export/ledger.xlsx?plan=p1&overdue=1', { headers: { Authorization: 'Bearer tok-123' } });
    expect(clicked).toEqual([{ href: 'blob:export-1', download: '工作任务台账.xlsx' }]);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0); // the temporary link is gone
  });

  it('falls back on the given name without Content-Disposition', async () => {
    fetchMock.mockResolvedValue(respond(200));
    await downloadExport('/export/indicators.xlsx?plan=p1', '目标指标.xlsx');
    expect(clicked.map((c) => c.download)).toEqual(['目标指标.xlsx']);
  });

  it('surfaces a 401 as an UNAUTHENTICATED error with the server message, saving nothing', async () => {
    fetchMock.mockResolvedValue(respond(401, { body: { code: 'UNAUTHENTICATED', message: 'token expired' } }));
    const error = await downloadExport('/export/findings.xlsx?plan=p1&open=1', 'x.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'token expired', status: 401 });
    expect(clicked).toEqual([]);
  });

  it('reads a code from the status when the body is not JSON, and NETWORK when fetch fails', async () => {
    fetchMock.mockResolvedValueOnce(respond(400, { body: 'Bad Request' }));
    await expect(downloadExport('/export/ledger.xlsx', 'x.xlsx')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(downloadExport('/export/ledger.xlsx', 'x.xlsx')).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('sends no Authorization header when signed out', async () => {
    localStorage.clear();
    fetchMock.mockResolvedValue(respond(200));
    await downloadExport('/export/ledger.xlsx', 'x.xlsx');
    expect(fetchMock).toHaveBeenCalledWith('/export/ledger.xlsx', { headers: {} });
  });
});

describe('filenameFromDisposition', () => {
  it.each([
    [null, null],
    ['attachment', null],
    ['attachment; filename="a b.xlsx"', 'a b.xlsx'],
    ['attachment; filename=plain.xlsx', 'plain.xlsx'],
    ["attachment; filename*=UTF-8''%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95.xlsx", '问题清单.xlsx'],
    ["attachment; filename=\"x.xlsx\"; filename*=utf-8'zh'%E6%8C%87%E6%A0%87.xlsx", '指标.xlsx'],
  ])('%s → %s', (header, name) => {
    expect(filenameFromDisposition(header)).toBe(name);
  });
});
