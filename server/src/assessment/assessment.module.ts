import { Module } from '@nestjs/common';
import { AssessmentResolver } from './assessment.resolver';
import { AssessmentService } from './assessment.service';

@Module({ providers: [AssessmentService, AssessmentResolver] })
export class AssessmentModule {}
