import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { annotationProblem } from '@workplan/shared';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { badInput, notFound } from '../common/errors';
import { requireUuid } from '../common/validate';
import { TaskEntity } from '../task/task.entity';
import { UserEntity } from '../user/user.entity';
import { TaskAnnotationEntity } from './instruction.entity';
import { TaskAnnotationModel } from './instruction.model';

/** Leaders' remarks (批注) on a task: written by approvers and managers, read with the task's details. */
@Injectable()
export class AnnotationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async annotate(taskId: string, content: string, user: UserEntity): Promise<TaskAnnotationModel> {
    const id = requireUuid(taskId, 'taskId');
    await this.access.assertTaskScope(user, 'annotateTask', id);
    const problem = annotationProblem(content ?? '');
    if (problem) throw badInput(problem, 'content');
    if (!(await this.dataSource.manager.existsBy(TaskEntity, { id }))) throw notFound('Task', id);
    const row = await this.dataSource.manager.save(this.dataSource.manager.create(TaskAnnotationEntity, { taskId: id, authorId: user.id, content: content.trim() }));
    return (await this.toModels([row]))[0];
  }

  async forTask(taskId: string, user: UserEntity): Promise<TaskAnnotationModel[]> {
    await this.access.assertTask(user, 'annotations', taskId);
    const rows = await this.dataSource.manager.find(TaskAnnotationEntity, { where: { taskId }, order: { createdAt: 'ASC' } });
    return this.toModels(rows);
  }

  private async toModels(rows: TaskAnnotationEntity[]): Promise<TaskAnnotationModel[]> {
    if (!rows.length) return [];
    const authors = await this.dataSource.manager.find(UserEntity, { where: { id: In([...new Set(rows.map((r) => r.authorId))]) }, select: { id: true, name: true } });
    const names = new Map(authors.map((a) => [a.id, a.name]));
    return rows.map((r) =>
      Object.assign(new TaskAnnotationModel(), { id: r.id, taskId: r.taskId, author: { id: r.authorId, name: names.get(r.authorId) ?? '' }, content: r.content, createdAt: r.createdAt }),
    );
  }
}
