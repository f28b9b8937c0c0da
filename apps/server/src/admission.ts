import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { RequestHandler, Response } from 'express';
import pLimit from 'p-limit';

export interface AdmissionLimits {
  /** Requests worked on at once. */
  concurrency: number;
  /** Requests that may wait for a turn; past this, 503 at once. */
  queue: number;
}

export const defaultAdmission: AdmissionLimits = { concurrency: 16, queue: 1000 };

/**
 * The admission middleware, with its queue's length and the requests in progress (for metrics), and
 * the same queue for an API whose refusals have another shape (`refusing`).
 */
export type Admission = RequestHandler & {
  readonly pending: number;
  readonly active: number;
  refusing: (refuse: (res: Response) => void) => RequestHandler;
};

/** Why a request past the queue is turned away, whatever the API's shape of it. */
export const busyMessage = 'The server is busy: try again shortly';

/** What tRPC itself answers for SERVICE_UNAVAILABLE, so clients read the message and the code. */
const busy = {
  error: {
    message: busyMessage,
    code: TRPC_ERROR_CODES_BY_KEY.SERVICE_UNAVAILABLE,
    data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
  },
};

/**
 * Admission control for the API: at most `concurrency` requests are worked on at once and the others
 * wait their turn in arrival order. A request may carry a batch of 20 pages of 100 tweets, so memory
 * grows with the requests in progress: bounding them keeps the process within its heap however many
 * clients connect (unbounded, a few hundred such clients exhaust it). Past `queue` waiting, the answer
 * is 503 with Retry-After, at once; a request whose client left while it waited is skipped.
 */
export function admission({ concurrency, queue }: AdmissionLimits): Admission {
  const limit = pLimit(concurrency);
  const admitting =
    (refuse: RequestHandler): RequestHandler =>
    (req, res, next) => {
      if (limit.pendingCount >= queue) {
        res.setHeader('Retry-After', '1');
        refuse(req, res, next);
        return;
      }
      void limit(() => {
        if (res.closed) return;
        return new Promise<void>((resolve) => {
          res.once('close', resolve);
          next();
        });
      });
    };
  const admit = admitting((req, res) => {
    // A batch (`/a,b,c?batch=1`) gets one error per call, as tRPC's clients expect.
    const calls = req.query.batch ? req.path.split(',').length : 0;
    res.status(503).json(calls ? Array(calls).fill(busy) : busy);
  });
  return Object.defineProperties(admit, {
    pending: { get: () => limit.pendingCount },
    active: { get: () => limit.activeCount },
    refusing: { value: (refuse: (res: Response) => void) => admitting((_req, res) => refuse(res)) },
  }) as Admission;
}
