/** What a cluster worker (serve.ts) tells its primary (cluster.ts). */

/**
 * The exit code of a worker that could not start and has said why on stderr (its database
 * unreachable): the primary then stops with exit code 1 without adding lines of its own, so that the
 * reason reads as one line, as it does with WORKERS=1. (EX_CONFIG, sysexits.h.)
 */
export const explainedStartFailure = 78;

/**
 * Sent once a worker serves, with the URL it serves at, so that the primary can name it without
 * loading the code that makes it (metrics.ts's `listenUrl`, and node:http with it).
 */
export interface StartedMessage {
  type: 'miniter:started';
  url: string;
}

export const isStartedMessage = (message: unknown): message is StartedMessage =>
  (message as Partial<StartedMessage> | null)?.type === 'miniter:started';
