import { AccessService } from '../access/access.service';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user';
import type { UserEntity } from '../user/user.entity';
import { CreateInspectionTeamInput, InspectionModel, InspectionTeamModel, RecordInspectionVisitInput, ScheduleInspectionInput } from './inspection.model';
import { InspectionService } from './inspection.service';

@Resolver()
export class InspectionResolver {
  constructor(
    private readonly service: InspectionService,
    private readonly access: AccessService,
  ) {}

  @Query(() => [InspectionTeamModel])
  inspectionTeams(@Args('planId', { type: () => ID, nullable: true }) planId: string | null): Promise<InspectionTeamModel[]> {
    return this.service.teams(planId);
  }

  @Query(() => [InspectionModel], { description: 'A task’s inspections' })
  async inspections(@Args('taskId', { type: () => ID }) taskId: string, @CurrentUser() user: UserEntity): Promise<InspectionModel[]> {
    await this.access.assertTask(user, 'inspections', taskId);
    return this.service.forTask(taskId);
  }

  @Query(() => [InspectionModel], { description: 'The inspector’s work list: visits of their teams, unvisited first' })
  myInspections(@CurrentUser() user: UserEntity): Promise<InspectionModel[]> {
    return this.service.mine(user);
  }

  @Mutation(() => InspectionTeamModel)
  createInspectionTeam(@Args('input') input: CreateInspectionTeamInput, @CurrentUser() user: UserEntity): Promise<InspectionTeamModel> {
    return this.service.createTeam(input, user);
  }

  @Mutation(() => InspectionModel)
  scheduleInspection(@Args('input') input: ScheduleInspectionInput, @CurrentUser() user: UserEntity): Promise<InspectionModel> {
    return this.service.schedule(input, user);
  }

  @Mutation(() => InspectionModel)
  recordInspectionVisit(@Args('input') input: RecordInspectionVisitInput, @CurrentUser() user: UserEntity): Promise<InspectionModel> {
    return this.service.recordVisit(input, user);
  }
}
