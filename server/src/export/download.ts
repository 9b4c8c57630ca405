export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Characters Windows, macOS or a browser would refuse or mangle in a file name. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** E.g. 工作台账_某某工作方案_2026-05-10.xlsx; the plan's title is cut short so the name stays usable. */
export function exportFileName(kind: string, planTitle: string | null, exportDate: string): string {
  const plan = (planTitle ?? '全部方案').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || '方案';
  return `${kind}_${plan}_${exportDate}.xlsx`;
}

/** RFC 6266/5987: the name percent-encoded as UTF-8, including the characters encodeURIComponent leaves alone but attr-char forbids. */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}
