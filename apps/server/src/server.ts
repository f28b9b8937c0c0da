/** Start and stop: the ORM, the HTTP listener, and a shutdown that lets in-flight requests finish. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type Orm, openOrm } from '@miniter/db';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createLogger } from './logger.ts';

export interface RunningServer {
  url: string;
  orm: Orm;
  close(): Promise<void>;
}

export async function startServer(config: Config, logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const orm = await openOrm(config.databaseUrl);
  const app = createApp({ orm, logger, ...config });
  const server = app.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // Stop accepting; idle keep-alive sockets go now, busy ones after their response.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await stopped;
      await orm.close();
    })();
    return closing;
  };
  return { url, orm, close };
}
