#!/bin/sh
# Runs the built server (dist/main.js; `node build.ts` makes it) in this shell's place, with the
# flags it is meant to run with: `pnpm start`, at the root and in apps/server, ends by exec-ing this,
# so that no shell and no second pnpm stay resident beside the server.
#   - V8's young generation in semi-spaces of 4 MiB;
#   - V8's old space capped at 96 MiB plus 25 KiB per allowed live stream (221 MiB with the default
#     LIVE_MAX_STREAMS of 5000): the live heap under load is 40 to 47 MiB without streams, admission
#     control bounds what requests add to it, and the stream cap what streams add;
#   - two glibc malloc arenas.
# Its working directory is apps/server, as under `pnpm --filter @miniter/server start`.
cd "$(dirname "$0")/.." || exit 1
export MALLOC_ARENA_MAX=2
exec node --max-semi-space-size=4 --max-old-space-size=$((96 + ${LIVE_MAX_STREAMS:-5000} / 40)) dist/main.js
