import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Operation } from '@workplan/shared';
import { todayIn } from '@workplan/shared';
import type { Response } from 'express';
import type { Workbook } from 'exceljs';
import { AuthService } from '../auth/auth.service';
import { Public } from '../auth/current-user';
import { AccessService, type TaskViewer } from '../access/access.service';
import { asHttp, httpError } from '../common/http-error';
import { contentDisposition, exportFileName, XLSX_CONTENT_TYPE } from './download';
import { parseFindingsParams, parseLedgerParams, parsePlanParam, parseSupervisionLedgerParams } from './export-params';
import { ExportService } from './export.service';
import { buildFindingsWorkbook } from './findings-workbook';
import { buildIndicatorWorkbook } from './indicator-workbook';
import { buildLedgerWorkbook, describeLedgerFilter } from './ledger-workbook';
import { SupervisionLedgerService, checkLedgerPeriod } from '../supervision-ledger/supervision-ledger.service';
import { buildSupervisionLedgerWorkbook } from '../supervision-ledger/supervision-ledger-workbook';


type QueryParams = Record<string, unknown>;

/**
 * Excel downloads of what the screens show: the board as a 工作台账, the plan's indicators with their
 * district split checked, and the findings as a 问题清单. Like the evidence files, these are plain GET
 * links authenticated with the bearer token here (so marked @Public for the GraphQL guard); every
 * export holds only the tasks its reader may see (the permission table's export rows).
 */
@Controller('export')
export class ExportController {
  constructor(
    private readonly auth: AuthService,
    private readonly exports: ExportService,
    private readonly access: AccessService,
    private readonly supervisionLedgers: SupervisionLedgerService,
  ) {}

  /** ?plan=&dept=a,b&coop=1&overdue=1&q= — the same parameters as the board's URL. */
  @Public()
  @Get('ledger.xlsx')
  async ledger(@Headers('authorization') authorization: string | undefined, @Query() query: QueryParams, @Res() res: Response): Promise<void> {
    await this.download('exportLedger', authorization, res, async (today, viewer) => {
      const params = parseLedgerParams(query);
      const planTitle = await this.exports.planTitle(params.planId);
      const { query: boardQuery, departmentNames } = await this.exports.boardQuery(params, viewer, today);
      const rows = await this.exports.ledgerRows(boardQuery);
      const filterSummary = describeLedgerFilter({ departmentNames, includeCooperating: params.includeCooperating, overdue: params.overdue, search: params.search });
      return { workbook: buildLedgerWorkbook(rows, { planTitle, exportDate: today, filterSummary }), fileName: exportFileName('工作台账', planTitle, today) };
    });
  }

  /**
   * ?period=2026-Q4 plus the board's parameters — the 督办台账: the tasks worked in the period, grouped
   * by status, one line per responsible unit.
   */
  @Public()
  @Get('supervision-ledger.xlsx')
  async supervisionLedger(@Headers('authorization') authorization: string | undefined, @Query() query: QueryParams, @Res() res: Response): Promise<void> {
    await this.download('exportSupervisionLedger', authorization, res, async (today, viewer) => {
      const params = parseSupervisionLedgerParams(query);
      const period = checkLedgerPeriod(params.period);
      const planTitle = await this.exports.planTitle(params.planId);
      const { query: boardQuery, departmentNames } = await this.exports.boardQuery(params, viewer, today);
      const tasks = await this.supervisionLedgers.ledger(boardQuery, period);
      const filterSummary = describeLedgerFilter({ departmentNames, includeCooperating: params.includeCooperating, overdue: params.overdue, search: params.search });
      return {
        workbook: buildSupervisionLedgerWorkbook(tasks, { period, planTitle, exportDate: today, filterSummary }),
        fileName: exportFileName(`督办台账_${period}`, planTitle, today),
      };
    });
  }

  /** ?plan= — sheets 主要指标 and 指标分解. */
  @Public()
  @Get('indicators.xlsx')
  async indicators(@Headers('authorization') authorization: string | undefined, @Query() query: QueryParams, @Res() res: Response): Promise<void> {
    await this.download('exportIndicators', authorization, res, async (today) => {
      const planId = parsePlanParam(query);
      const planTitle = await this.exports.planTitle(planId);
      const rows = await this.exports.indicatorRows(planId);
      return { workbook: buildIndicatorWorkbook(rows, { planTitle, exportDate: today }), fileName: exportFileName('主要指标', planTitle, today) };
    });
  }

  /** ?plan=&open=1 — the 问题清单, optionally only the findings not yet 销号. */
  @Public()
  @Get('findings.xlsx')
  async findings(@Headers('authorization') authorization: string | undefined, @Query() query: QueryParams, @Res() res: Response): Promise<void> {
    await this.download('exportFindings', authorization, res, async (today, viewer) => {
      const { planId, openOnly } = parseFindingsParams(query);
      const planTitle = await this.exports.planTitle(planId);
      const rows = await this.exports.findingRows(planId, openOnly, viewer, today);
      return { workbook: buildFindingsWorkbook(rows, { planTitle, exportDate: today, openOnly }), fileName: exportFileName('问题清单', planTitle, today) };
    });
  }

  private async download(
    operation: Operation,
    authorization: string | undefined,
    res: Response,
    build: (today: string, viewer: TaskViewer | null) => Promise<{ workbook: Workbook; fileName: string }>,
  ): Promise<void> {
    const signedIn = await this.auth.authenticate(authorization);
    if (!signedIn) throw httpError(401, 'UNAUTHENTICATED', 'Sign in first');
    let built: { workbook: Workbook; fileName: string };
    try {
      built = await build(todayIn(), this.access.viewer(signedIn.user, operation));
    } catch (error) {
      throw asHttp(error);
    }
    const body = Buffer.from((await built.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    res.setHeader('content-type', XLSX_CONTENT_TYPE);
    res.setHeader('content-disposition', contentDisposition(built.fileName));
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(body);
  }
}
