# One image for every service (gateway, telegram, discord, devnet, migrate); compose's `command:` picks
# the entry point. Multi-stage: dependencies, then the build, then a runtime stage with only what runs.
#
# How the runtime gets its tools:
# - tsx: the services run their TypeScript through tsx (`node --import tsx <main.ts>`, no compile
#   step). It is a root devDependency, so `npm prune --omit=dev` drops it: tsx and esbuild (its only
#   dependency, with the platform binary under @esbuild/) are copied back from the deps stage.
# - anvil: the binary ships in @foundry-rs/anvil-linux-amd64, an optional dependency of packages/devnet,
#   which prune keeps. The lockfile pins only the amd64 binary: the devnet service runs on amd64 hosts.
# - prisma CLI (`npm run migrate`): the `prisma` package is a dependency of packages/db and runs its
#   WebAssembly schema engine through prisma.config.ts; no native engine is needed at run time.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Only the manifests, so that this slow layer is rebuilt only when dependencies change. Every
# workspace is listed (test/compose.test.ts checks that none is missing).
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY packages/chat/package.json packages/chat/
COPY packages/db/package.json packages/db/
COPY packages/devnet/package.json packages/devnet/
COPY packages/ops/package.json packages/ops/
COPY packages/protocol/package.json packages/protocol/
COPY services/discord/package.json services/discord/
COPY services/gateway/package.json services/gateway/
COPY services/signing-page/package.json services/signing-page/
COPY services/telegram/package.json services/telegram/
# `npm install` with the committed lockfile rather than `npm ci`, for the reason given in .ci/run (the
# lockfile lacks other platforms' optional binaries, which npm ci reports as "out of sync"); `cmp`
# fails the build if npm had to change the lockfile, so nothing unpinned gets in.
RUN cp package-lock.json /tmp/package-lock.json \
  && npm install --no-audit --no-fund \
  && cmp package-lock.json /tmp/package-lock.json

FROM deps AS build
COPY . .
# Contract artifacts, the Prisma client and the signing page's bundle; then drop the dev tools.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to node (which drains, then exits) and reaps anvil's zombies.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  LUMA_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/tsconfig.json /app/tsconfig.base.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules node_modules
COPY --from=deps /app/node_modules/tsx node_modules/tsx
COPY --from=deps /app/node_modules/esbuild node_modules/esbuild
COPY --from=deps /app/node_modules/@esbuild node_modules/@esbuild
COPY --from=build /app/prisma prisma
COPY --from=build /app/contracts contracts
COPY --from=build /app/packages packages
COPY --from=build /app/services services
COPY --from=build /app/deploy/healthcheck.mjs deploy/healthcheck.mjs
# A new named volume takes the ownership of the folder it is mounted on: the devnet (user node) can
# then write its chain state and manifest to /data/devnet.
RUN mkdir -p /data/devnet && chown -R node:node /data
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "services/gateway/src/main.ts"]
