import { Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuthService } from '../auth/auth.service';
import { asHttp, httpError as fail } from '../common/http-error';
import { Public } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { EvidenceFileEntity, FindingEntity } from './finding.entity';
import { FILES_DIR } from './files-dir';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Photos, scans and office documents: what inspectors carry back from a visit. */
const ALLOWED_TYPES: Record<string, RegExp> = {
  'image/jpeg': /\.jpe?g$/i,
  'image/png': /\.png$/i,
  'application/pdf': /\.pdf$/i,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': /\.docx$/i,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': /\.xlsx$/i,
};

/** Magic numbers, so a renamed script is not stored as a "photo". */
function sniff(bytes: Buffer): string | null {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  return null;
}


/**
 * Evidence files for findings: uploaded as the raw request body (the file name in a header), stored
 * on disk under a generated name outside the web root, downloaded with the same bearer token.
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
    const fileName = decodeURIComponent(rawName ?? '').replace(/[\\/\u0000-\u001f]/g, '').slice(0, 200);
    if (!fileName) throw fail(400, 'BAD_USER_INPUT', 'X-File-Name header is required');
    const body = await readBody(req, MAX_EVIDENCE_BYTES);
    if (body === 'too-large') throw fail(413, 'BAD_USER_INPUT', `Files may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`);
    if (body.length === 0) throw fail(400, 'BAD_USER_INPUT', 'The file is empty');
    const declared = Object.entries(ALLOWED_TYPES).find(([, ext]) => ext.test(fileName))?.[0];
    const sniffed = sniff(body);
    const matches = declared && (sniffed === declared || (sniffed === 'zip' && declared.startsWith('application/vnd.openxmlformats')));
    if (!matches) throw fail(415, 'BAD_USER_INPUT', 'Only JPEG, PNG, PDF, DOCX or XLSX files whose contents match their name');
    const storageKey = randomUUID();
    mkdirSync(FILES_DIR(), { recursive: true });
    writeFileSync(join(FILES_DIR(), storageKey), body, { flag: 'wx' });
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(EvidenceFileEntity, {
        findingId,
        fileName,
        contentType: declared,
        sizeBytes: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        storageKey,
        uploadedBy: user.id,
      }),
    );
    return { id: saved.id, fileName: saved.fileName, sizeBytes: saved.sizeBytes, url: `/files/evidence/${saved.id}` };
  }

  @Public()
  @Get('evidence/:id')
  async download(@Param('id') id: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const user = await this.signedIn(authorization);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw fail(400, 'BAD_USER_INPUT', 'not a file id');
    const file = await this.dataSource.manager.findOneBy(EvidenceFileEntity, { id });
    if (!file) throw fail(404, 'NOT_FOUND', `File ${id} does not exist`);
    // Only those who may see the task's details get its files.
    const finding = await this.dataSource.manager.findOneByOrFail(FindingEntity, { id: file.findingId });
    await this.access.assertTask(user, 'downloadEvidence', finding.taskId).catch((error: unknown) => Promise.reject(asHttp(error)));
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('x-content-type-options', 'nosniff');
    createReadStream(join(FILES_DIR(), file.storageKey)).pipe(res);
  }
}

async function readBody(req: Request, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
