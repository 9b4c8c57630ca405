import { Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuthService } from '../auth/auth.service';
import { asHttp, httpError as fail } from '../common/http-error';
import { Public } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { evidenceUrl, keepFile, receiveFile } from './evidence-store';
import { EvidenceFileEntity, FindingEntity } from './finding.entity';
import { FILES_DIR } from './files-dir';

/**
 * Evidence files for findings: uploaded as the raw request body (the file name in a header), stored
 * on disk under a generated name outside the web root, downloaded with the same bearer token. The
 * download serves report attachments too (they share the store), checked against their own task.
 */
@Controller('files')
export class EvidenceController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly access: AccessService,
  ) {}

  private async signedIn(authorization: string | undefined): Promise<UserEntity> {
    const signedIn = await this.auth.authenticate(authorization);
    if (!signedIn) throw fail(401, 'UNAUTHENTICATED', 'Sign in first');
    return signedIn.user;
  }

  @Public()
  @Post('findings/:findingId/evidence')
  async upload(@Param('findingId') findingId: string, @Req() req: Request, @Headers('authorization') authorization: string | undefined, @Headers('x-file-name') rawName: string | undefined) {
    const user = await this.signedIn(authorization);
    if (!/^[0-9a-f-]{36}$/i.test(findingId)) throw fail(400, 'BAD_USER_INPUT', 'not a finding id');
    const finding = await this.dataSource.manager.findOneBy(FindingEntity, { id: findingId });
    if (!finding) throw fail(404, 'NOT_FOUND', `Finding ${findingId} does not exist`);
    await this.access.assertTask(user, 'uploadEvidence', finding.taskId).catch((error: unknown) => Promise.reject(asHttp(error)));
    const file = await receiveFile(req, rawName);
    const saved = await this.dataSource.manager.save(this.dataSource.manager.create(EvidenceFileEntity, { findingId, ...keepFile(file, user.id) }));
    return { id: saved.id, fileName: saved.fileName, sizeBytes: saved.sizeBytes, url: evidenceUrl(saved.id) };
  }

  @Public()
  @Get('evidence/:id')
  async download(@Param('id') id: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const user = await this.signedIn(authorization);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw fail(400, 'BAD_USER_INPUT', 'not a file id');
    const file = await this.dataSource.manager.findOneBy(EvidenceFileEntity, { id });
    if (!file) throw fail(404, 'NOT_FOUND', `File ${id} does not exist`);
    // Only those who may see the task's details get its files: the task of the finding, or of the report.
    const [owner]: Array<{ task_id: string }> = await this.dataSource.query(
      `SELECT f.task_id FROM finding f WHERE f.id = $1
       UNION ALL
       SELECT a.task_id FROM assignment_report r JOIN task_assignment a ON a.id = r.assignment_id WHERE r.id = $2`,
      [file.findingId, file.assignmentReportId],
    );
    await this.access.assertTask(user, 'downloadEvidence', owner.task_id).catch((error: unknown) => Promise.reject(asHttp(error)));
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('x-content-type-options', 'nosniff');
    createReadStream(join(FILES_DIR(), file.storageKey)).pipe(res);
  }
}
