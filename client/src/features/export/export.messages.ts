import type { ApiError } from '../../app/errors';
import { useI18n } from '../../i18n/i18n';

const zhCN = {
  exporting: '正在导出…',
  exported: (name: string) => `已导出：${name}`,
  failed: (reason: string) => `导出失败：${reason}`,
  reason: (error: Pick<ApiError, 'code' | 'message'>): string => {
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return '登录已失效，请重新登录';
      case 'FORBIDDEN':
        return '您没有权限导出这些数据';
      case 'NOT_FOUND':
        return '没有找到要导出的数据';
      case 'BAD_USER_INPUT':
        return `请求有误（${error.message}）`;
      case 'NETWORK':
        return '无法连接服务器，请检查网络后重试';
      case 'SERVICE_UNAVAILABLE':
        return '服务器暂时无法访问数据库，请稍后重试';
      case 'RATE_LIMITED':
        return '请求过于频繁，请稍后再试';
      default:
        return error.message;
    }
  },
};

const en: typeof zhCN = {
  exporting: 'Exporting…',
  exported: (name) => `Exported ${name}`,
  failed: (reason) => `Export failed: ${reason}`,
  reason: (error) => {
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return 'your session has expired, please sign in again';
      case 'FORBIDDEN':
        return 'you are not allowed to export this data';
      case 'NOT_FOUND':
        return 'there is nothing to export';
      case 'BAD_USER_INPUT':
        return `bad request (${error.message})`;
      case 'NETWORK':
        return 'cannot reach the server, check the network and retry';
      case 'SERVICE_UNAVAILABLE':
        return 'the server cannot reach its database right now; try again shortly';
      case 'RATE_LIMITED':
        return 'too many requests; try again in a moment';
      default:
        return error.message;
    }
  },
};

export const EXPORT_TEXT = { 'zh-CN': zhCN, en };
export type ExportText = typeof zhCN;

export function useExportText(): ExportText {
  return EXPORT_TEXT[useI18n().language];
}
