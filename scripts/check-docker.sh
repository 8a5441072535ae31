#!/usr/bin/env bash
# CI check of the Dockerfile on a machine without a Docker engine or a registry of base images:
#   1. dockerfilelint on it;
#   2. a local base image made with `podman import` from this machine's own Node (node, npm, sh,
#      their libraries and the CA bundle), standing in for node:lts-alpine;
#   3. `podman build --isolation=chroot` of the Dockerfile on that base (docker format, so that
#      HEALTHCHECK is kept);
#   4. the image's filesystem mounted (`podman image mount`), the server started in it with chroot
#      as the image's user, its own HEALTHCHECK command run, /__mock/health asked, then SIGTERM:
#      it must drain and exit 0.
# Needs root and podman (.ci/run installs it). Prints the image size. Everything is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROOT=$(command -v chroot)
BASE=localhost/bam-node-base:check
IMAGE=localhost/bot-analytics-mock:check
WORK=$(mktemp -d)
MOUNT=''
SERVER_PID=''

cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
  if [[ -n "$MOUNT" ]]; then podman image unmount "$IMAGE" >/dev/null 2>&1 || true; fi
  podman rmi -f "$IMAGE" "$BASE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { echo "check-docker: $*"; }

step 'dockerfilelint'
npx --no -- dockerfilelint Dockerfile

step "base image $BASE from this machine's Node $(node --version)"
ROOTFS=$WORK/rootfs
NODE_BIN=$(readlink -f "$(command -v node)")
NPM_DIR=$(npm root -g 2>/dev/null)/npm
CA_BUNDLE=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
mkdir -p "$ROOTFS"/{bin,etc,tmp,root,home/node,usr/bin,usr/local/bin,usr/local/lib/node_modules}
chmod 1777 "$ROOTFS/tmp"
install -m 755 "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
install -m 755 /bin/dash "$ROOTFS/bin/sh"
# For the `#!/usr/bin/env node` of npm packages' bins.
install -m 755 /usr/bin/env "$ROOTFS/usr/bin/env"
# The shared libraries these programs load, at the same paths.
for lib in $( (ldd "$NODE_BIN"; ldd /bin/dash; ldd /usr/bin/env) | grep -o '/[^ ]*' | sort -u); do
  cp --parents -L "$lib" "$ROOTFS"
done
cp -a "$NPM_DIR" "$ROOTFS/usr/local/lib/node_modules/npm"
printf '#!/bin/sh\nexec node /usr/local/lib/node_modules/npm/bin/npm-cli.js "$@"\n' >"$ROOTFS/usr/local/bin/npm"
printf '#!/bin/sh\nexec node /usr/local/lib/node_modules/npm/bin/npx-cli.js "$@"\n' >"$ROOTFS/usr/local/bin/npx"
chmod 755 "$ROOTFS/usr/local/bin/npm" "$ROOTFS/usr/local/bin/npx"
mkdir -p "$ROOTFS/etc/ssl/certs"
cp -L "$CA_BUNDLE" "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
# The users of the official node images: root, and node (1000) that the Dockerfile runs as.
printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:node:/home/node:/bin/sh\n' >"$ROOTFS/etc/passwd"
printf 'root:x:0:\nnode:x:1000:\n' >"$ROOTFS/etc/group"
chown 1000:1000 "$ROOTFS/home/node"
tar -C "$ROOTFS" -cf "$WORK/rootfs.tar" .
podman import \
  --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'ENV NPM_CONFIG_UPDATE_NOTIFIER=false' \
  --change 'CMD ["node"]' \
  "$WORK/rootfs.tar" "$BASE" >/dev/null

step "podman build --isolation=chroot ($IMAGE)"
timeout 900 podman build --isolation=chroot --format docker --layers=false \
  --build-arg "BASE_IMAGE=$BASE" -t "$IMAGE" -f Dockerfile .

inspect() { podman image inspect --format "$1" "$IMAGE"; }
USER_SPEC=$(inspect '{{.Config.User}}')
HEALTHCHECK=$(inspect '{{json .HealthCheck}}')
step "image user '$USER_SPEC', exposed $(inspect '{{json .Config.ExposedPorts}}'), healthcheck $HEALTHCHECK"
[[ -n "$USER_SPEC" && "$USER_SPEC" != root && "${USER_SPEC%%:*}" != 0 ]] || { echo 'the image runs as root'; exit 1; }
[[ "$HEALTHCHECK" == *'/__mock/health'* ]] || { echo 'the image has no HEALTHCHECK on /__mock/health'; exit 1; }

IMAGE_BYTES=$(inspect '{{.Size}}')
BASE_BYTES=$(podman image inspect --format '{{.Size}}' "$BASE")
step "image size $((IMAGE_BYTES / 1000000)) MB: base $((BASE_BYTES / 1000000)) MB + mock $(((IMAGE_BYTES - BASE_BYTES) / 1000000)) MB"

step 'starting the server inside the image (chroot)'
MOUNT=$(podman image mount "$IMAGE")
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# The image's environment (NODE_ENV, PORT, HOST…) with the port and host of this check on top.
mapfile -t IMAGE_ENV < <(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | grep .)
LOG=$WORK/server.log
env -i "${IMAGE_ENV[@]}" PORT="$PORT" HOST=127.0.0.1 \
  "$CHROOT" --userspec="$USER_SPEC" "$MOUNT" /bin/sh -c 'cd /app && exec node dist/server/cli/cli.js' >"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  grep -q 'listening on' "$LOG" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG"; echo 'the server in the image exited'; exit 1; }
  sleep 0.2
done
grep -q 'listening on' "$LOG" || { cat "$LOG"; echo 'the server in the image did not start in 20 s'; exit 1; }
cat "$LOG"

step "the image's own HEALTHCHECK command"
mapfile -t HEALTH_CMD < <(podman image inspect --format '{{range .HealthCheck.Test}}{{println .}}{{end}}' "$IMAGE" | grep .)
[[ "${HEALTH_CMD[0]}" == CMD ]] || { echo "unexpected HEALTHCHECK form: ${HEALTH_CMD[*]}"; exit 1; }
env -i "${IMAGE_ENV[@]}" PORT="$PORT" timeout 10 "$CHROOT" --userspec="$USER_SPEC" "$MOUNT" "${HEALTH_CMD[@]:1}"
step 'HEALTHCHECK passed'

step "GET http://127.0.0.1:$PORT/__mock/health"
curl --fail --silent --show-error --max-time 5 "http://127.0.0.1:$PORT/__mock/health"
echo

step 'SIGTERM: the server drains and exits 0'
kill -TERM "$SERVER_PID"
STATUS=0
timeout 15 tail --pid="$SERVER_PID" -f /dev/null || { echo 'the server did not stop within 15 s of SIGTERM'; exit 1; }
wait "$SERVER_PID" || STATUS=$?
SERVER_PID=''
grep -q 'SIGTERM received, draining' "$LOG" || { cat "$LOG"; echo 'the server did not log its drain'; exit 1; }
[[ $STATUS == 0 ]] || { echo "the server exited $STATUS after SIGTERM"; exit 1; }
step 'ok'
