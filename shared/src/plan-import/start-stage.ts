/**
 * Where an imported plan's tasks start on the board: IMPLEMENTATION or PROPOSAL.
 */
import type { BoardStage } from '../task/task-stage';
import type { PlanHeader } from './header';

export type StartStage = Extract<BoardStage, 'IMPLEMENTATION' | 'PROPOSAL'>;

/** The plan asks units to put items forward: 提出1-2个突破点, 推荐的突破点, 申报项目. */
const ASKS_FOR_PROPOSALS = /(?:提出|推荐|申报|上报)[^。；;]{0,20}?(?:突破点|项目|试点|任务|方案)/;
/** …which are then screened and decided on: 初步筛选报省政府审定, 择优确定. (审批 is not enough: 004 uses it for 行政审批.) */
const DECIDES_ON_THEM = /审定|筛选|遴选|择优确定/;
/** A division of labour (分工落实方案, 分工方案) hands out work already decided. */
const DIVISION_OF_LABOUR = /分工/;

/**
 * Decide, for a whole document, whether its tasks are work already decided or proposals still to
 * be made.
 *
 * Most plans hand out approved work: a 分工落实方案 (000) or a 行动计划/行动方案 (003, 004) names a
 * lead unit (牵头单位) for each task and was approved as a whole (经省人民政府同意), so each task
 * goes straight to IMPLEMENTATION. A plan like 001 instead asks the units to propose their own
 * items (提出…突破点), screens them and sends them for approval (报省政府审定) before each unit
 * draws up its work plan (制定工作方案): its numbered steps describe proposals still to be made, so
 * its tasks start at PROPOSAL and pass review and approval on the board, as the document says.
 *
 * The title alone cannot tell (001 and many assigning plans are both 工作方案), so the text
 * decides: PROPOSAL when it both asks for items to be put forward and has them screened or
 * approved (审定/筛选/遴选); a division of labour (分工 in the title) always assigns.
 */
export function startStageOf(text: string, header: Pick<PlanHeader, 'title'>): StartStage {
  if (header.title && DIVISION_OF_LABOUR.test(header.title)) return 'IMPLEMENTATION';
  const compact = text.replace(/[\s\u3000]+/g, '');
  return ASKS_FOR_PROPOSALS.test(compact) && DECIDES_ON_THEM.test(compact) ? 'PROPOSAL' : 'IMPLEMENTATION';
}
