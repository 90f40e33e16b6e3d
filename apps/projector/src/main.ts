import 'reflect-metadata';
import { bootstrapService } from '@civic/platform';
import { ProjectorModule } from './projector.module';

void bootstrapService(ProjectorModule, 'projector', 3003);
