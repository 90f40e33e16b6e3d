import 'reflect-metadata';
import { bootstrapService } from '@civic/platform';
import { ProjectorModule } from './projector.module';
import { ProjectorEnvironment } from './projector.environment';

void bootstrapService(ProjectorModule, 'projector', 3003, { config: ProjectorEnvironment });
