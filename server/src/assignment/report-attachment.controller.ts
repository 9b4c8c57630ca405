import { Controller, Headers, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { AuthService } from '../auth/auth.service';
import { Public } from '../auth/current-user';
import { asHttp, httpError as fail } from '../common/http-error';
import { receiveFile } from '../finding/evidence-store';
import { AssignmentService } from './assignment.service';

/**
 * Attachments to a unit's progress report (附件): the raw request body with its name in
 * X-File-Name, kept in the evidence store and downloaded from GET /files/evidence/:id.
 */
@Controller('files')
export class ReportAttachmentController {
  constructor(
    private readonly auth: AuthService,
    private readonly assignments: AssignmentService,
  ) {}

  @Public()
  @Post('assignment-reports/:reportId/attachments')
  async upload(@Param('reportId') reportId: string, @Req() req: Request, @Headers('authorization') authorization: string | undefined, @Headers('x-file-name') rawName: string | undefined) {
    const signedIn = await this.auth.authenticate(authorization);
    if (!signedIn) throw fail(401, 'UNAUTHENTICATED', 'Sign in first');
    const user = signedIn.user;
    if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw fail(400, 'BAD_USER_INPUT', 'not a report id');
    await this.assignments.assertMayAttach(reportId, user).catch((error: unknown) => Promise.reject(asHttp(error)));
    const file = await receiveFile(req, rawName);
    return this.assignments.attach(reportId, file, user).catch((error: unknown) => Promise.reject(asHttp(error)));
  }
}
