import type { ScoreItemKind } from '@workplan/shared';
import { useI18n } from '../../i18n/i18n';

const zhCN = {
  title: '督办考核评分',
  hint: '按方案的评分细则：基础分，退回、催办（黄牌）、督办通知单（红牌）扣分，按期办结、表扬性批示加分',
  rank: '名次',
  department: '责任单位',
  score: '得分',
  deductions: '扣分',
  additions: '加分',
  result: '结果',
  commended: '拟表彰',
  warned: '黄牌警告',
  items: '扣分加分明细',
  noItems: '本期无扣分加分事项',
  needsPlan: '选择一个方案后查看评分',
  failed: '评分读取失败',
  retry: '重试',
  empty: '本期没有需要评分的单位',
  suggestion: (period: string, score: number, rank: number, count: number, event: 'COMMEND' | 'WARN' | null) =>
    `按${period}督办考核评分，牵头单位得 ${score} 分，排第 ${rank}/${count} 名` + (event === 'COMMEND' ? '，建议表彰' : event === 'WARN' ? '，建议黄牌警告' : '，不在表彰或警告之列'),
  kind: (kind: ScoreItemKind, nth: number | null): string =>
    ({
      RETURN: nth ? `第 ${nth} 次退回` : '退回',
      YELLOW_CARD: '催办（黄牌）',
      RED_CARD: '督办通知单（红牌）',
      FINISHED_ON_TIME: '按期办结',
      POSITIVE_INSTRUCTION: '表扬性批示',
    })[kind],
};

const en: typeof zhCN = {
  title: 'Supervision scores',
  hint: 'By the plan’s rules: a base score, minus returns, reminders (yellow cards) and supervision notices (red cards), plus work finished on time and positive instructions',
  rank: 'Rank',
  department: 'Unit',
  score: 'Score',
  deductions: 'Deducted',
  additions: 'Added',
  result: 'Result',
  commended: 'To commend',
  warned: 'Yellow card',
  items: 'Deductions and additions',
  noItems: 'Nothing scored this period',
  needsPlan: 'Choose a plan to see its scores',
  failed: 'Could not load the scores',
  retry: 'Retry',
  empty: 'No units to score this period',
  suggestion: (period, score, rank, count, event) =>
    `Supervision scores for ${period}: the lead unit has ${score}, ranked ${rank} of ${count}` +
    (event === 'COMMEND' ? ' — commendation proposed' : event === 'WARN' ? ' — a yellow card proposed' : ' — neither commended nor warned'),
  kind: (kind, nth) =>
    ({
      RETURN: nth ? `Return no. ${nth}` : 'Return',
      YELLOW_CARD: 'Reminder (yellow card)',
      RED_CARD: 'Supervision notice (red card)',
      FINISHED_ON_TIME: 'Finished on time',
      POSITIVE_INSTRUCTION: 'Positive instruction',
    })[kind],
};

export const SCORING_TEXT = { 'zh-CN': zhCN, en };
export type ScoringText = typeof zhCN;

export function useScoringText(): ScoringText {
  const { language } = useI18n();
  return SCORING_TEXT[language];
}
