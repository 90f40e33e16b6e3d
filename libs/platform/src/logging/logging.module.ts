import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { correlationIdOf } from './correlation-id';
import { serviceLogger } from './service-logger';

/**
 * Nest's logging through pino (nestjs-pino): what the framework and the services log becomes JSON lines, and a line
 * logged while a request is handled carries its correlation id. The request line itself is written once answered
 * (logEveryRequest), where the route template, the caller and the status are known.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      useFactory: () => ({
        pinoHttp: { logger: serviceLogger(), genReqId: (request) => correlationIdOf(request), autoLogging: false, quietReqLogger: true, customAttributeKeys: { reqId: 'correlationId' } },
      }),
    }),
  ],
})
export class ServiceLoggingModule {}
