#!/usr/bin/env bash
# The real Docker test fleet on one machine (see ../shared/docs/testbed-notes.md):
#   main  dockerd on unix:///var/run/docker.sock (root namespace)
#   h2    dockerd in netns fleet-h2, plain TCP  tcp://10.210.2.2:2375
#   h3    dockerd in netns fleet-h3, mutual TLS https://10.210.3.2:2376 (CA, server and client certs made here)
# plus busybox images built locally on each daemon (no registry is reachable).
# Usage: fleet.sh up | down | status. Idempotent; `down` removes all that `up` made (packages and the main daemon's
# data-root stay). Writes $FLEET_STATE_DIR/fleet.env for the tests. The state (certificates included) lives beside the
# daemons, machine-wide, not in a checkout: any clone on this machine finds the fleet and the certs it trusts.
set -euo pipefail

STATE="${FLEET_STATE_DIR:-/var/lib/fleet-test}"
CERTS="$STATE/certs"
ENV_FILE="$STATE/fleet.env"
IMAGE="fleet/busybox:latest"
HOSTS=(h2 h3)

log() { printf '[fleet] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Polls a command until it succeeds, up to $2 seconds: readiness is a condition, never a fixed sleep.
wait_until() {
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { log "timed out waiting for $what"; return 1; }
    sleep 0.2
  done
}

net_of() { case "$1" in h2) echo 2 ;; h3) echo 3 ;; esac; }
ip_of() { echo "10.210.$(net_of "$1").2"; }
gw_of() { echo "10.210.$(net_of "$1").1"; }
sock_of() { echo "/var/run/docker-fleet-$1.sock"; }
pid_of() { echo "/var/run/docker-fleet-$1.pid"; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v iptables >/dev/null || missing+=(iptables)
  command -v ip >/dev/null || missing+=(iproute2)
  command -v nsenter >/dev/null || missing+=(util-linux)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl ca-certificates)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}) and not root to install them"
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_main_daemon() {
  if curl -sf --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1; then return 0; fi
  # A daemon still shutting down holds the pid file: a new one would exit at once.
  if [ -f /var/run/docker.pid ]; then
    wait_until "the previous dockerd to exit" 30 bash -c "! kill -0 $(cat /var/run/docker.pid) 2>/dev/null" || true
  fi
  log "starting the main dockerd"
  setsid nohup dockerd --host unix:///var/run/docker.sock >>/var/log/dockerd.log 2>&1 < /dev/null &
  wait_until "main dockerd" 60 curl -sf --unix-socket /var/run/docker.sock http://localhost/_ping \
    || { tail -c 2000 /var/log/dockerd.log >&2; die "main dockerd did not start"; }
  touch "$STATE/main-started" # only a daemon this script started is stopped by `down`
}

make_certs() {
  [ -f "$CERTS/client-key.pem" ] && [ -f "$CERTS/wrong-client-key.pem" ] && return 0
  log "generating CA, server and client certificates"
  mkdir -p "$CERTS"
  (
    cd "$CERTS"
    for ca in ca wrong-ca; do
      openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=fleet $ca" \
        -keyout "$ca-key.pem" -out "$ca.pem" 2>/dev/null
    done
    sign() { # name ca extfile-content
      openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$1-key.pem" -out "$1.csr" 2>/dev/null
      printf '%s\n' "$3" > "$1.ext"
      openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2-key.pem" -CAcreateserial -days 3650 \
        -extfile "$1.ext" -out "$1-cert.pem" 2>/dev/null
      rm -f "$1.csr" "$1.ext"
    }
    sign server ca "subjectAltName=IP:$(ip_of h3),IP:127.0.0.1
extendedKeyUsage=serverAuth"
    sign client ca "extendedKeyUsage=clientAuth"
    sign wrong-client wrong-ca "extendedKeyUsage=clientAuth"
    chmod 600 ./*-key.pem
  )
}

start_host() { # h2|h3
  local h="$1" ns="fleet-$1" ip gw
  ip="$(ip_of "$h")"; gw="$(gw_of "$h")"
  if ! ip netns list | grep -qw "$ns"; then
    log "creating namespace $ns ($ip)"
    ip netns add "$ns"
    ip link add "fl-$h" type veth peer name "fl-$h-in"
    ip link set "fl-$h-in" netns "$ns"
    ip addr add "$gw/24" dev "fl-$h"
    ip link set "fl-$h" up
    ip -n "$ns" addr add "$ip/24" dev "fl-$h-in"
    ip -n "$ns" link set "fl-$h-in" up
    ip -n "$ns" link set lo up
    ip -n "$ns" route add default via "$gw"
  fi
  if [ -f "$(pid_of "$h")" ] && kill -0 "$(cat "$(pid_of "$h")")" 2>/dev/null; then return 0; fi
  local listen=(-H "unix://$(sock_of "$h")")
  if [ "$h" = h3 ]; then
    listen+=(--tlsverify --tlscacert "$CERTS/ca.pem" --tlscert "$CERTS/server-cert.pem" --tlskey "$CERTS/server-key.pem" -H "tcp://$ip:2376")
  else
    listen+=(-H "tcp://$ip:2375")
  fi
  log "starting dockerd for $h"
  # nsenter, not `ip netns exec`: the latter remounts /sys and hides the cgroup mounts dockerd needs.
  # --bridge none: a default bridge in a second daemon once removed docker0 under the main daemon.
  setsid nohup nsenter --net="/var/run/netns/$ns" dockerd \
    --data-root "/var/lib/docker-fleet-$h" --exec-root "/var/run/docker-fleet-$h" \
    --pidfile "$(pid_of "$h")" --bridge none --iptables=false --ip-forward=false \
    "${listen[@]}" >>"/var/log/dockerd-fleet-$h.log" 2>&1 < /dev/null &
  wait_until "dockerd $h" 60 curl -sf --unix-socket "$(sock_of "$h")" http://localhost/_ping \
    || { tail -c 2000 "/var/log/dockerd-fleet-$h.log" >&2; die "dockerd $h did not start"; }
}

link_hosts() {
  # The first dockerd sets FORWARD to DROP: let the namespaces reach each other (a later swarm needs it).
  iptables -L DOCKER-USER >/dev/null 2>&1 || iptables -N DOCKER-USER
  for pair in "fl-h2 fl-h3" "fl-h3 fl-h2"; do
    set -- $pair
    iptables -C DOCKER-USER -i "$1" -o "$2" -j ACCEPT -m comment --comment fleet 2>/dev/null \
      || iptables -I DOCKER-USER -i "$1" -o "$2" -j ACCEPT -m comment --comment fleet
  done
}

build_image() { # docker socket path
  local sock="$1"
  if docker -H "unix://$sock" image inspect "$IMAGE" >/dev/null 2>&1; then return 0; fi
  log "building $IMAGE on $sock"
  local ctx; ctx="$(mktemp -d)"
  cp /bin/busybox "$ctx/busybox"
  cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["sh"]
DOCKERFILE
  DOCKER_BUILDKIT=0 docker -H "unix://$sock" build -q --network none -t "$IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
}

write_env() {
  cat > "$ENV_FILE" <<ENV
FLEET_SOCKET_ENDPOINT=unix:///var/run/docker.sock
FLEET_TCP_ENDPOINT=tcp://$(ip_of h2):2375
FLEET_TLS_ENDPOINT=https://$(ip_of h3):2376
FLEET_TLS_CA=$CERTS/ca.pem
FLEET_TLS_CERT=$CERTS/client-cert.pem
FLEET_TLS_KEY=$CERTS/client-key.pem
FLEET_WRONG_CA=$CERTS/wrong-ca.pem
FLEET_WRONG_CERT=$CERTS/wrong-client-cert.pem
FLEET_WRONG_KEY=$CERTS/wrong-client-key.pem
FLEET_IMAGE=$IMAGE
ENV
}

status() {
  [ -f "$ENV_FILE" ] || { log "fleet is down (no $ENV_FILE)"; return 1; }
  local ok=0
  curl -sf --max-time 3 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null && log "main: up" || { log "main: DOWN"; ok=1; }
  curl -sf --max-time 3 "http://$(ip_of h2):2375/_ping" >/dev/null && log "h2 (tcp): up" || { log "h2 (tcp): DOWN"; ok=1; }
  curl -sf --max-time 3 --cacert "$CERTS/ca.pem" --cert "$CERTS/client-cert.pem" --key "$CERTS/client-key.pem" \
    "https://$(ip_of h3):2376/_ping" >/dev/null && log "h3 (mtls): up" || { log "h3 (mtls): DOWN"; ok=1; }
  return $ok
}

up() {
  install_packages
  mkdir -p "$STATE"
  start_main_daemon
  make_certs
  for h in "${HOSTS[@]}"; do start_host "$h"; done
  link_hosts
  build_image /var/run/docker.sock
  for h in "${HOSTS[@]}"; do build_image "$(sock_of "$h")"; done
  write_env
  status || die "fleet is not healthy"
  # mTLS must actually be enforced: a client without a certificate is refused.
  if curl -sf --max-time 3 --cacert "$CERTS/ca.pem" "https://$(ip_of h3):2376/_ping" >/dev/null 2>&1; then
    die "h3 accepted a client without a certificate"
  fi
  log "fleet is up ($ENV_FILE)"
}

down() {
  for h in "${HOSTS[@]}"; do
    local pidfile; pidfile="$(pid_of "$h")"
    if [ -f "$pidfile" ]; then
      local pid; pid="$(cat "$pidfile")"
      if kill "$pid" 2>/dev/null; then
        wait_until "dockerd $h to stop" 30 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
      fi
      rm -f "$pidfile"
    fi
    ip netns del "fleet-$h" 2>/dev/null || true
    ip link del "fl-$h" 2>/dev/null || true
    rm -rf "/var/lib/docker-fleet-$h" "/var/run/docker-fleet-$h" "$(sock_of "$h")"
  done
  while iptables -S DOCKER-USER 2>/dev/null | grep -q -- '--comment fleet'; do
    iptables -S DOCKER-USER | grep -- '--comment fleet' | head -1 | sed 's/^-A/-D/' | xargs iptables
  done
  if [ -f "$STATE/main-started" ] && [ -f /var/run/docker.pid ]; then
    local main; main="$(cat /var/run/docker.pid)"
    if kill "$main" 2>/dev/null; then
      wait_until "main dockerd to exit" 30 bash -c "! kill -0 $main 2>/dev/null" || kill -9 "$main" 2>/dev/null || true
    fi
  fi
  rm -rf "$STATE"
  log "fleet is down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
