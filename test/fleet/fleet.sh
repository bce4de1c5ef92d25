#!/usr/bin/env bash
# The real Docker test fleet on one machine (see README.md beside this file):
#   main  dockerd on unix:///var/run/docker.sock (root namespace; started only if nothing answers there)
#   h2    dockerd in netns fleet-h2, plain TCP  tcp://10.210.2.2:2375
#   h3    dockerd in netns fleet-h3, mutual TLS https://10.210.3.2:2376 (CA, server and client certs made here)
# plus images built locally on each daemon (no public registry is reachable): fleet/busybox:latest and fleet/web:v1,
# and two real registries (Debian's docker-registry, distribution 2.8), storage delete enabled:
#   open  127.0.0.1:5000, no auth          auth  127.0.0.1:5001, basic auth (htpasswd, bcrypt; generated user)
# h2, h3 (and s1-s4) reach them at the same addresses: their own 127.0.0.1:5000/5001 is forwarded (socat) to the root's.
# And a real swarm of four more dockerds, each in its own netns on the bridge fl-swarm (10.210.10.1/24):
#   s1  manager, mutual TLS https://10.210.10.11:2376 (swarm init here)    s2, s3  managers, tcp://10.210.10.1{2,3}:2375
#   s4  worker,  tcp://10.210.10.14:2375                each with a setup socket /var/run/docker-fleet-sN.sock
# with fleet/busybox, fleet/web:v1, :v2 and :broken on every node and the registries forwarded into each node too.
# Usage: fleet.sh up | down | status | swarm-down | swarm-stop sN... | swarm-start sN...
# Idempotent; `down` removes all that `up` made (what stays: Debian packages, the
# main daemon's data-root and log, the lock file /run/lock/fleet-test.lock). `up` writes $FLEET_STATE_DIR/fleet.env
# for the tests. The state (certificates included) lives beside the daemons, machine-wide (default
# /var/lib/fleet-test), not in a checkout: any clone on this machine finds the fleet and the certs it trusts.
set -euo pipefail
shopt -s inherit_errexit

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="$(realpath -m "${FLEET_STATE_DIR:-/var/lib/fleet-test}")"
CERTS="$STATE/certs"
ENV_FILE="$STATE/fleet.env"
LOCK=/run/lock/fleet-test.lock
MAIN_SOCK=/var/run/docker.sock
MAIN_PID=/var/run/docker.pid
MAIN_LOG=/var/log/dockerd.log
IMAGE="fleet/busybox:latest"
WEB_IMAGE="fleet/web:v1"
WEB_V2_IMAGE="fleet/web:v2"
WEB_BROKEN_IMAGE="fleet/web:broken" # its HEALTHCHECK fetches a page that is not there: it never becomes healthy
HOSTS=(h2 h3)                       # standalone hosts: never swarm members
SWARM_NODES=(s1 s2 s3 s4)              # s1 inits the swarm; s2, s3 join as managers, s4 as worker (role_of)
SWARM_BRIDGE=fl-swarm
SWARM_GW=10.210.10.1
SWARM_POOL=10.211.0.0/16            # overlay subnets (/24 each), clear of the fleet's own 10.210.x networks
SWARM_WAIT=60                       # seconds the swarm gets to show 3 managers reachable and 4 nodes ready
FWD_HOSTS=(h2 h3 "${SWARM_NODES[@]}") # the namespaces the registries are forwarded into
WAIT=60 # seconds any daemon gets to answer /_ping
REGISTRIES=(open auth)
REG_WAIT=30 # seconds a registry (and its forwarders) gets to answer /v2/

# The client must reach exactly the daemon it is told to: no proxies, no ambient docker context or TLS settings.
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH http_proxy https_proxy HTTP_PROXY HTTPS_PROXY \
  all_proxy ALL_PROXY
export DOCKER_BUILDKIT=0 DOCKER_CLI_HINTS=false

log() { printf '[fleet] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Polls a command until it succeeds, up to $2 seconds: readiness is a condition, never a fixed sleep.
wait_until() {
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { log "timed out after ${seconds}s waiting for $what"; return 1; }
    sleep 0.1
  done
}

is_swarm() { case "$1" in s1|s2|s3|s4) return 0 ;; *) return 1 ;; esac; }
net_of() { case "$1" in h2) echo 2 ;; h3) echo 3 ;; *) die "unknown host $1" ;; esac; }
ip_of() { if is_swarm "$1"; then echo "10.210.10.1${1#s}"; else echo "10.210.$(net_of "$1").2"; fi; }
gw_of() { if is_swarm "$1"; then echo "$SWARM_GW"; else echo "10.210.$(net_of "$1").1"; fi; }
ns_of() { echo "fleet-$1"; }
veth_of() { echo "fl-$1"; } # root side; the namespace side is "fl-$1-in"
sock_of() { echo "/var/run/docker-fleet-$1.sock"; }
pid_of() { echo "/var/run/docker-fleet-$1.pid"; }
data_of() { echo "/var/lib/docker-fleet-$1"; }
exec_of() { echo "/var/run/docker-fleet-$1"; }
log_of() { echo "/var/log/dockerd-fleet-$1.log"; }
sock_for() { if [ "$1" = main ]; then echo "$MAIN_SOCK"; else sock_of "$1"; fi; }
# A swarm node's own endpoint: s1 over mutual TLS, the others plain TCP.
endpoint_of() { if [ "$1" = s1 ]; then echo "https://$(ip_of s1):2376"; else echo "tcp://$(ip_of "$1"):2375"; fi; }
role_of() { case "$1" in s4) echo worker ;; *) echo manager ;; esac; }
dk() { local d="$1"; shift; docker -H "unix://$(sock_for "$d")" "$@"; } # the CLI on a daemon's setup socket

CURL=(curl -sf --noproxy '*' --max-time 5)
ping_unix() { "${CURL[@]}" --unix-socket "$1" http://localhost/_ping; }
ping_tcp() { "${CURL[@]}" "http://$(ip_of h2):2375/_ping"; }
ping_tls() { # [ca cert key] — the fleet's own client credentials by default
  "${CURL[@]}" --cacert "${1:-$CERTS/ca.pem}" --cert "${2:-$CERTS/client-cert.pem}" --key "${3:-$CERTS/client-key.pem}" \
    "https://$(ip_of h3):2376/_ping"
}
ping_node() { # sN — at its own endpoint (s1 with the fleet's client certificate)
  if [ "$1" = s1 ]; then
    "${CURL[@]}" --cacert "$CERTS/ca.pem" --cert "$CERTS/client-cert.pem" --key "$CERTS/client-key.pem" "$(endpoint_of s1)/_ping"
  else
    "${CURL[@]}" "http://$(ip_of "$1"):2375/_ping"
  fi
}

# A process that runs (a zombie, not yet reaped by init, does not).
proc_alive() {
  local st
  st="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$1/stat" 2>/dev/null)" || return 1
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}
proc_gone() { ! proc_alive "$1"; }

# The live dockerd whose pid file this is, if any (a recycled pid of another program does not count).
live_dockerd() {
  local pid
  [ -f "$1" ] && pid="$(cat "$1" 2>/dev/null)" && [ -n "$pid" ] || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] && proc_alive "$pid" || return 1
  echo "$pid"
}

# The live process whose pid file this is, if it still runs the program $2 (its comm) with the exact argument $3 (a
# recycled pid, or another instance of the program, does not count).
live_proc() { # pidfile comm argument
  local pid
  [ -f "$1" ] && pid="$(cat "$1" 2>/dev/null)" && [ -n "$pid" ] || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && proc_alive "$pid" || return 1
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | grep -qxF -- "$3" || return 1
  echo "$pid"
}

# Starts a program in the background that outlives this script: its own session (so its process group is its pid),
# no tty, the lock's descriptor closed. The pid file gets the program's own pid: the shell that writes it execs it.
spawn() { # pidfile logfile program [args...]
  local pidf="$1" logf="$2"; shift 2
  rm -f "$pidf"
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" >>"$logf" 2>&1 </dev/null 9>&- &
}

# Stops what live_proc finds, with its process group (socat's per-connection children); removes the pid file.
stop_proc() { # pidfile comm argument what
  local pid
  if pid="$(live_proc "$1" "$2" "$3")"; then
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    wait_until "$4 to exit" 10 proc_gone "$pid" || { kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true; }
  fi
  rm -f "$1"
}

# The registries: open|auth. Each has its folder (config, storage, log, pid files) under $STATE.
reg_dir() { echo "$STATE/registry-$1"; }
reg_port() { case "$1" in open) echo 5000 ;; auth) echo 5001 ;; *) die "unknown registry $1" ;; esac; }
reg_addr() { echo "127.0.0.1:$(reg_port "$1")"; }
reg_want() { case "$1" in open) echo 200 ;; auth) echo 401 ;; esac; } # what /v2/ answers without credentials
reg_user() { cut -d: -f1 "$(reg_dir auth)/credentials"; }
reg_password() { cut -d: -f2- "$(reg_dir auth)/credentials"; }
# The HTTP status of a registry's /v2/, from the root namespace ("") or from inside h2's or h3's (their forwarder).
reg_code() { # open|auth ""|h2|h3 [curl options...]
  local r="$1" h="$2" cmd; shift 2
  cmd=(curl -s --noproxy '*' --max-time 5 -o /dev/null -w '%{http_code}' "$@" "http://$(reg_addr "$r")/v2/")
  if [ -n "$h" ]; then nsenter --net="/var/run/netns/$(ns_of "$h")" "${cmd[@]}"; else "${cmd[@]}"; fi
}
reg_answers() { [ "$(reg_code "$1" "${2:-}")" = "$(reg_want "$1")" ]; }
# Forwarders (socat): in the root namespace, $dir/ns.sock -> the registry's TCP address ("bridge"); in h2's and h3's
# namespaces, their own 127.0.0.1:port -> $dir/ns.sock (a socket file is reachable from any network namespace).
bridge_arg() { echo "UNIX-LISTEN:$(reg_dir "$1")/ns.sock,fork,unlink-early,mode=600"; }
fwd_arg() { echo "UNIX-CONNECT:$(reg_dir "$1")/ns.sock"; }
same_netns() { # pid h2|h3
  [ "$(stat -L -c %i "/proc/$1/ns/net" 2>/dev/null)" = "$(stat -L -c %i "/var/run/netns/$(ns_of "$2")" 2>/dev/null)" ]
}

# ---------------------------------------------------------------------------------------------------------------- up

install_packages() {
  local missing=()
  command -v dockerd >/dev/null && command -v docker >/dev/null && command -v containerd >/dev/null \
    && command -v runc >/dev/null || missing+=(docker.io)
  command -v iptables >/dev/null || missing+=(iptables)
  command -v ip >/dev/null || missing+=(iproute2)
  command -v nsenter >/dev/null && command -v flock >/dev/null || missing+=(util-linux)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  # The image needs a STATIC busybox (FROM scratch): the plain `busybox` package's binary would not run there.
  [ "$(dpkg-query -W -f='${Status}' busybox-static 2>/dev/null)" = "install ok installed" ] || missing+=(busybox-static)
  command -v docker-registry >/dev/null || missing+=(docker-registry) # distribution 2.8
  command -v htpasswd >/dev/null || missing+=(apache2-utils)          # htpasswd -B (bcrypt, all distribution reads)
  command -v socat >/dev/null || missing+=(socat)                     # the registries' forwarders into h2 and h3
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}) and not root to install them"
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [[ " ${missing[*]} " == *" docker-registry "* ]]; then
    # The package's own service (/etc/docker/registry/config.yml: *:5000, every interface) is started by its postinst
    # unless policy-rc.d denies it (the machine's image has one that does; a machine without one would start it).
    # The fleet runs its own registries on 5000/5001: keep the packaged one from starting at boot; stop it if it runs.
    update-rc.d docker-registry disable >/dev/null 2>&1 || true
    [ ! -d /run/systemd/system ] || systemctl disable docker-registry.service >/dev/null 2>&1 || true
    stop_packaged_registry
  fi
}

stop_packaged_registry() {
  local pid
  if [ -d /run/systemd/system ] && systemctl is-active --quiet docker-registry.service 2>/dev/null; then
    log "stopping the docker-registry service of the Debian package (it serves *:5000): the fleet runs its own"
    systemctl stop docker-registry.service
  fi
  pid="$(live_proc /var/run/docker-registry.pid docker-registry /etc/docker/registry/config.yml)" || return 0
  log "stopping the docker-registry service of the Debian package (pid $pid, *:5000): the fleet runs its own"
  /etc/init.d/docker-registry stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  wait_until "the packaged docker-registry to exit" 10 proc_gone "$pid" || die "the packaged docker-registry (pid $pid) does not stop"
}

# Makes the certificates unless a complete, unexpired set exists; sets REGENERATED=yes when it made them. They are
# made in a scratch folder and moved into place, so an interrupted run never leaves a half set.
REGENERATED=no
make_certs() {
  local f ok=1
  for f in ca.pem ca-key.pem server-cert.pem server-key.pem client-cert.pem client-key.pem \
    wrong-ca.pem wrong-ca-key.pem wrong-client-cert.pem wrong-client-key.pem; do
    [ -s "$CERTS/$f" ] || ok=0
  done
  for f in ca.pem server-cert.pem client-cert.pem wrong-ca.pem wrong-client-cert.pem; do
    [ "$ok" = 1 ] && { openssl x509 -noout -checkend 86400 -in "$CERTS/$f" >/dev/null 2>&1 || ok=0; }
  done
  [ "$ok" = 1 ] && return 0
  log "generating CA, server and client certificates (and a wrong CA with its own client certificate)"
  local tmp="$CERTS.new"
  rm -rf "$tmp"; mkdir -p "$tmp"
  (
    cd "$tmp"
    for ca in ca wrong-ca; do
      openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=fleet test $ca" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$ca-key.pem" -out "$ca.pem" 2>/dev/null
    done
    sign() { # name ca extensions
      openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$1-key.pem" -out "$1.csr" 2>/dev/null
      printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" "$3" > "$1.ext"
      openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2-key.pem" -set_serial "0x$(openssl rand -hex 16)" \
        -days 3650 -extfile "$1.ext" -out "$1-cert.pem" 2>/dev/null
      rm -f "$1.csr" "$1.ext"
    }
    sign server ca "subjectAltName=IP:$(ip_of h3),IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth"
    sign client ca "extendedKeyUsage=clientAuth"
    sign wrong-client wrong-ca "extendedKeyUsage=clientAuth"
    chmod 600 ./*-key.pem
  )
  rm -rf "$CERTS"; mv "$tmp" "$CERTS"
  REGENERATED=yes
}

# s1's server certificate (SAN IP:10.210.10.11), signed by the fleet CA: made on its own when missing, expiring or not
# signed by the current CA, so that adding the swarm to a running fleet never regenerates the certificates h3 and the
# tests already use. Sets SWARM_CERT_NEW=yes when it made one.
SWARM_CERT_NEW=no
make_swarm_cert() {
  local cert="$CERTS/swarm-server-cert.pem" key="$CERTS/swarm-server-key.pem" tmp
  if [ -s "$cert" ] && [ -s "$key" ] && openssl x509 -noout -checkend 86400 -in "$cert" >/dev/null 2>&1 \
    && openssl verify -CAfile "$CERTS/ca.pem" "$cert" >/dev/null 2>&1; then
    return 0
  fi
  log "generating s1's server certificate (signed by the fleet CA)"
  tmp="$(mktemp -d "$CERTS/swarm.XXXXXX")"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=swarm-server" -keyout "$tmp/key.pem" -out "$tmp/csr" 2>/dev/null
  printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "subjectAltName=IP:$(ip_of s1),IP:127.0.0.1,DNS:localhost" "extendedKeyUsage=serverAuth" > "$tmp/ext"
  openssl x509 -req -in "$tmp/csr" -CA "$CERTS/ca.pem" -CAkey "$CERTS/ca-key.pem" -set_serial "0x$(openssl rand -hex 16)" \
    -days 3650 -extfile "$tmp/ext" -out "$tmp/cert.pem" 2>/dev/null
  chmod 600 "$tmp/key.pem"
  mv "$tmp/key.pem" "$key"; mv "$tmp/cert.pem" "$cert"; rm -rf "$tmp"
  SWARM_CERT_NEW=yes
}

# The swarm nodes' bridge in the root namespace: their veths are its ports, the root namespace is 10.210.10.1 on it.
ensure_swarm_bridge() {
  ip link show "$SWARM_BRIDGE" >/dev/null 2>&1 || { log "creating bridge $SWARM_BRIDGE ($SWARM_GW/24)"; ip link add "$SWARM_BRIDGE" type bridge; }
  ip addr replace "$SWARM_GW/24" dev "$SWARM_BRIDGE"
  ip link set "$SWARM_BRIDGE" up
}

ensure_netns() { # h2|h3|sN — each step checked on its own, so a half-made host is completed, not duplicated
  local h="$1" ns veth ip gw
  ns="$(ns_of "$h")"; veth="$(veth_of "$h")"; ip="$(ip_of "$h")"; gw="$(gw_of "$h")"
  [ -e "/var/run/netns/$ns" ] || { log "creating namespace $ns ($ip)"; ip netns add "$ns"; }
  if ! ip link show "$veth" >/dev/null 2>&1; then
    ip link del "$veth-in" 2>/dev/null || true # a stray peer left in the root namespace
    ip link add "$veth" type veth peer name "$veth-in"
    ip link set "$veth-in" netns "$ns"
  fi
  if is_swarm "$h"; then ip link set "$veth" master "$SWARM_BRIDGE"; else ip addr replace "$gw/24" dev "$veth"; fi
  ip link set "$veth" up
  ip -n "$ns" addr replace "$ip/24" dev "$veth-in"
  ip -n "$ns" link set "$veth-in" up
  ip -n "$ns" link set lo up
  if is_swarm "$h"; then
    # No default route: the nodes need only their bridge, and Docker 20.10 pulls a service's image (a tag) before
    # every task — with no route a pull from a registry the machine cannot reach fails at once (the local image is
    # used) instead of waiting ~15 s for a DNS timeout.
    ip -n "$ns" route del default 2>/dev/null || true
  else
    ip -n "$ns" route replace default via "$gw"
  fi
}

# Starts (in the background, not waiting) what is not running yet. Daemons outlive this script: setsid, no tty, and
# the lock's descriptor closed (9>&-) so a daemon never holds the fleet lock.
launch_main() {
  ping_unix "$MAIN_SOCK" >/dev/null 2>&1 && return 0
  live_dockerd "$MAIN_PID" >/dev/null && return 0 # someone's dockerd is starting: wait for it, do not race it
  [ "$(id -u)" -eq 0 ] || die "no Docker daemon answers on $MAIN_SOCK and not root to start one"
  log "starting the main dockerd (log: $MAIN_LOG)"
  touch "$STATE/main-started" # `down` stops only a main daemon this script started
  setsid nohup dockerd --host "unix://$MAIN_SOCK" --pidfile "$MAIN_PID" >>"$MAIN_LOG" 2>&1 </dev/null 9>&- &
}

launch_host() { # h2|h3|sN
  local h="$1" ip
  ip="$(ip_of "$h")"
  live_dockerd "$(pid_of "$h")" >/dev/null && return 0
  rm -f "$(pid_of "$h")"
  local listen=(-H "unix://$(sock_of "$h")")
  if [ "$h" = h3 ]; then
    listen+=(--tlsverify --tlscacert "$CERTS/ca.pem" --tlscert "$CERTS/server-cert.pem" --tlskey "$CERTS/server-key.pem"
      -H "tcp://$ip:2376")
  elif [ "$h" = s1 ]; then
    listen+=(--tlsverify --tlscacert "$CERTS/ca.pem" --tlscert "$CERTS/swarm-server-cert.pem"
      --tlskey "$CERTS/swarm-server-key.pem" -H "tcp://$ip:2376")
  else
    # An explicit --tls=false: without it dockerd 20.10 stalls its start 15 s to warn about plain TCP.
    listen+=(--tls=false -H "tcp://$ip:2375")
  fi
  local net=(--iptables=false --ip-forward=false)
  # A swarm node programs its own namespace's iptables (per namespace: the root's and the main daemon's are untouched):
  # host-mode published ports need it.
  if is_swarm "$h"; then net=(--iptables=true --ip-forward=true); fi
  echo '{}' > "$STATE/daemon-$h.json" # its own (empty) config: /etc/docker/daemon.json is the main daemon's
  log "starting dockerd $h in namespace $(ns_of "$h") (log: $(log_of "$h"))"
  # nsenter, not `ip netns exec`: the latter remounts /sys and hides the cgroup mounts dockerd needs.
  # --bridge none: a default bridge in a second daemon once removed docker0 under the main daemon. Each daemon has
  # its own data-root and exec-root, hence its own managed containerd (socket under the exec-root).
  setsid nohup nsenter --net="/var/run/netns/$(ns_of "$h")" dockerd \
    --config-file "$STATE/daemon-$h.json" \
    --data-root "$(data_of "$h")" --exec-root "$(exec_of "$h")" --pidfile "$(pid_of "$h")" \
    --bridge none "${net[@]}" --shutdown-timeout 5 \
    "${listen[@]}" >>"$(log_of "$h")" 2>&1 </dev/null 9>&- &
}

await_daemon() { # main|h2|h3
  local d="$1" logf
  if [ "$d" = main ]; then logf="$MAIN_LOG"; else logf="$(log_of "$d")"; fi
  wait_until "dockerd $d" "$WAIT" ping_unix "$(sock_for "$d")" \
    || { [ -f "$logf" ] && tail -n 25 "$logf" >&2; die "dockerd $d does not answer on $(sock_for "$d")"; }
}

stop_host() { # h2|h3 — by pid file; then whatever a killed daemon left behind
  local h="$1" pid
  if pid="$(live_dockerd "$(pid_of "$h")")"; then
    log "stopping dockerd $h (pid $pid)"
    kill "$pid" 2>/dev/null || true
    wait_until "dockerd $h to exit" 30 proc_gone "$pid" || { log "killing dockerd $h"; kill -9 "$pid" 2>/dev/null || true; }
    wait_until "dockerd $h to die" 10 proc_gone "$pid" || true
  fi
  rm -f "$(pid_of "$h")"
  reap_leftovers "$h"
}

# After a KILLed daemon: its containerd, shims and container processes (by pid, found by this host's own paths),
# then any mount still under its data-root or exec-root.
reap_leftovers() {
  local h="$1" exec data pids=() p id f
  exec="$(exec_of "$h")"; data="$(data_of "$h")"
  for p in /proc/[0-9]*; do
    f="$(tr '\0' ' ' 2>/dev/null <"$p/cmdline")" || continue
    case "$f" in *"$exec/"*|*"/run/docker-fleet-$h/"*) pids+=("${p#/proc/}") ;; esac
  done
  if [ -d "$data/containers" ]; then
    for id in $(ls "$data/containers"); do
      for f in /sys/fs/cgroup/pids/docker/"$id"/cgroup.procs /sys/fs/cgroup/docker/"$id"/cgroup.procs; do
        [ -r "$f" ] && while read -r p; do pids+=("$p"); done <"$f"
      done
    done
  fi
  if [ ${#pids[@]} -gt 0 ]; then
    log "killing leftovers of $h: ${pids[*]}"
    kill -9 "${pids[@]}" 2>/dev/null || true
  fi
  local mounts
  mounts="$(awk '{print $2}' /proc/self/mounts | grep -E "^(/var/run/docker-fleet-$h|/run/docker-fleet-$h|/var/lib/docker-fleet-$h)(/|$)" | sort -r || true)"
  [ -z "$mounts" ] || { log "unmounting leftovers of $h:" $mounts; printf '%s\n' "$mounts" | xargs -r -n1 umount -l 2>/dev/null || true; }
}

# Private daemons of tests (test/support/private-daemon.ts) never stopped: their processes (by path, by cgroup), shim
# sockets, mounts, cgroups and network namespaces, before their folders go with $STATE.
reap_private() {
  local dir name p f pids=() sockets=() mounts
  for dir in "$STATE"/private/*/; do
    [ -d "$dir" ] || continue
    dir="${dir%/}"; name="${dir##*/}"
    for p in /proc/[0-9]*; do
      f="$(tr '\0' ' ' 2>/dev/null <"$p/cmdline")" || continue
      case "$f" in *"$dir/"*) pids+=("${p#/proc/}") ;; esac
    done
    for f in /sys/fs/cgroup/pids/"fleet-private-$name"/*/cgroup.procs; do
      [ -r "$f" ] && while read -r p; do pids+=("$p"); done <"$f"
    done
    for f in "$dir"/exec/containerd/daemon/io.containerd.runtime.v2.task/*/*/address; do
      [ -r "$f" ] && sockets+=("$(sed 's#^unix://##' "$f")")
    done
  done
  if [ ${#pids[@]} -gt 0 ]; then
    log "killing private test daemons left running: ${pids[*]}"
    kill -9 "${pids[@]}" 2>/dev/null || true
    for p in "${pids[@]}"; do wait_until "process $p to die" 10 proc_gone "$p" || true; done
  fi
  for f in "${sockets[@]}"; do case "$f" in /run/containerd/s/*) rm -f "$f" ;; esac; done
  mounts="$(awk '{print $5}' /proc/self/mountinfo | grep -F "$STATE/private/" | sort -r || true)"
  [ -z "$mounts" ] || printf '%s\n' "$mounts" | xargs -r -n1 umount -l 2>/dev/null || true
  for dir in "$STATE"/private/*/; do
    [ -d "$dir" ] || continue
    name="$(basename "$dir")"
    rmdir /sys/fs/cgroup/*/"fleet-private-$name"/* /sys/fs/cgroup/*/"fleet-private-$name" 2>/dev/null || true
    [ ! -e "/var/run/netns/fleet-pd-$name" ] || ip netns del "fleet-pd-$name" || true
  done
}

link_hosts() {
  # The main dockerd sets the FORWARD policy to DROP: let h2 and h3 reach each other (a later swarm needs it). Root to
  # namespace traffic is on-link through each veth and never crosses FORWARD. Rules carry the comment "fleet".
  local chain=DOCKER-USER pair
  iptables -n -L DOCKER-USER >/dev/null 2>&1 || chain=FORWARD # no Docker chains (a main daemon without iptables)
  # The swarm nodes talk across the bridge fl-swarm: bridged frames pass the root's FORWARD too (br_netfilter is loaded,
  # bridge-nf-call-iptables=1), as "in fl-swarm, out fl-swarm" — swarm 2377/tcp, gossip 7946/tcp+udp, VXLAN 4789/udp.
  for pair in "fl-h2 fl-h3" "fl-h3 fl-h2" "$SWARM_BRIDGE $SWARM_BRIDGE"; do
    set -- $pair
    iptables -C "$chain" -i "$1" -o "$2" -m comment --comment fleet -j ACCEPT 2>/dev/null \
      || iptables -I "$chain" -i "$1" -o "$2" -m comment --comment fleet -j ACCEPT
  done
  if [ "$(cat /proc/sys/net/ipv4/ip_forward)" != 1 ]; then
    log "enabling net.ipv4.ip_forward (restored by down)"
    echo 1 > /proc/sys/net/ipv4/ip_forward
    touch "$STATE/ip-forward-set"
  fi
}

# The images a daemon gets: busybox and web:v1 everywhere; web:v2 and web:broken on the swarm nodes too (not on main,
# h2, h3: a build runs containers there, events other tests may be watching).
images_for() { if is_swarm "$1"; then echo "$IMAGE $WEB_IMAGE $WEB_V2_IMAGE $WEB_BROKEN_IMAGE"; else echo "$IMAGE $WEB_IMAGE"; fi; }

build_images() { # main|h2|h3|sN — skips what exists; output shown only on failure
  local d="$1" sock ctx out rc=0 image args
  sock="$(sock_for "$d")"
  # shellcheck disable=SC2046 # one argument per image
  docker -H "unix://$sock" image inspect $(images_for "$d") >/dev/null 2>&1 && return 0
  ctx="$(mktemp -d)"; out="$ctx.out"
  for image in $(images_for "$d"); do
    docker -H "unix://$sock" image inspect "$image" >/dev/null 2>&1 && continue
    log "building $image on $d"
    rm -f "$ctx/busybox"
    case "$image" in
      "$IMAGE") cp /bin/busybox "$ctx/busybox"; args=(-f "$HERE/Dockerfile.busybox") ;;
      "$WEB_BROKEN_IMAGE") args=(-f "$HERE/Dockerfile.web" --build-arg VERSION=broken --build-arg HEALTH_PATH=/missing
        --build-arg STOP_EXIT=143) ;;
      *) args=(-f "$HERE/Dockerfile.web" --build-arg "VERSION=${image#fleet/web:}") ;;
    esac
    docker -H "unix://$sock" build -q --network none -t "$image" "${args[@]}" "$ctx" >"$out" 2>&1 || { rc=1; break; }
  done
  [ "$rc" = 0 ] || { cat "$out" >&2; log "image build failed on $d"; }
  rm -rf "$ctx" "$out"
  return "$rc"
}

# The swarm's images: built once on s1, then loaded (docker save | docker load) into every other node that lacks one,
# in parallel — so each image has the same id on every node, as if pulled from one registry, in a third of the time.
swarm_images() {
  local n pids=() p rc=0
  build_images s1 || return 1
  for n in "${SWARM_NODES[@]:1}"; do
    # shellcheck disable=SC2046
    dk "$n" image inspect $(images_for "$n") >/dev/null 2>&1 && continue
    log "loading the images of s1 into $n"
    # shellcheck disable=SC2046
    { dk s1 save $(images_for s1) | dk "$n" load -q >/dev/null && dk "$n" image prune -f >/dev/null; } & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { log "loading the images into a swarm node failed"; rc=1; }; done
  return "$rc"
}

# ------------------------------------------------------------------------------------------------------- registries
# Two distribution 2.8 registries, background processes of this script (not the Debian package's service), each with
# its config, filesystem storage, log and pid file in $(reg_dir open|auth). Storage delete is on (tests remove what
# they push). No blob descriptor cache: nothing answers from memory for content a test has deleted.

# The auth registry's user and password: made once and kept while the fleet is up (a running test may hold them).
# Sets REG_AUTH_CHANGED=yes when it (re)made the htpasswd file.
REG_AUTH_CHANGED=no
reg_credentials() {
  local dir user
  dir="$(reg_dir auth)"
  if [ ! -s "$dir/credentials" ]; then
    log "generating the auth registry's user and password"
    (umask 077; printf 'fleet-%s:%s\n' "$(openssl rand -hex 4)" "$(openssl rand -hex 24)" > "$dir/credentials.tmp")
    mv "$dir/credentials.tmp" "$dir/credentials"
    rm -f "$dir/htpasswd"
  fi
  if [ ! -s "$dir/htpasswd" ]; then
    user="$(reg_user)"
    # -B: bcrypt (the only hash distribution accepts); -i: the password from stdin, never on a command line.
    (umask 077; reg_password | htpasswd -niB "$user" > "$dir/htpasswd.tmp")
    mv "$dir/htpasswd.tmp" "$dir/htpasswd"
    REG_AUTH_CHANGED=yes
  fi
}

reg_config() { # open|auth
  local r="$1" dir
  dir="$(reg_dir "$r")"
  cat <<YML
version: 0.1
log:
  level: info
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: $(reg_addr "$r")
  headers:
    X-Content-Type-Options: [nosniff]
YML
  [ "$r" = open ] || printf 'auth:\n  htpasswd:\n    realm: fleet-registry\n    path: %s\n' "$dir/htpasswd"
}

port_taken() { # port — anything listening on it, on any address
  [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
}

# Starts (not waiting) the registries that do not run; restarts one whose config or htpasswd changed.
launch_registries() {
  local r dir conf changed
  stop_packaged_registry
  for r in "${REGISTRIES[@]}"; do
    dir="$(reg_dir "$r")"; conf="$dir/config.yml"
    mkdir -p "$dir/data"; chmod 700 "$dir"
    changed=no
    if [ "$r" = auth ]; then REG_AUTH_CHANGED=no; reg_credentials; changed="$REG_AUTH_CHANGED"; fi
    reg_config "$r" > "$conf.new"
    if cmp -s "$conf.new" "$conf"; then rm -f "$conf.new"; else mv "$conf.new" "$conf"; changed=yes; fi
    if [ "$changed" = yes ] && live_proc "$dir/registry.pid" docker-registry "$conf" >/dev/null; then
      log "registry $r: its configuration changed, restarting it"
      stop_proc "$dir/registry.pid" docker-registry "$conf" "registry $r"
    fi
    live_proc "$dir/registry.pid" docker-registry "$conf" >/dev/null && continue
    if port_taken "$(reg_port "$r")"; then
      ss -ltnp "sport = :$(reg_port "$r")" >&2 || true
      die "port $(reg_port "$r") is taken by something that is not the fleet's registry $r (above)"
    fi
    log "starting registry $r on $(reg_addr "$r") (log: $dir/registry.log)"
    spawn "$dir/registry.pid" "$dir/registry.log" docker-registry serve "$conf"
  done
}

# Waits for each registry's /v2/ (200 open, 401 auth), then makes sure its forwarders run and answer the same from
# h2's and h3's namespaces. A forwarder that runs but does not answer (its namespace was made anew) is replaced.
await_registries() {
  local r dir h pid
  for r in "${REGISTRIES[@]}"; do
    dir="$(reg_dir "$r")"
    wait_until "registry $r" "$REG_WAIT" reg_answers "$r" \
      || { tail -n 25 "$dir/registry.log" >&2 || true; die "registry $r does not answer $(reg_want "$r") on http://$(reg_addr "$r")/v2/"; }
    if ! live_proc "$dir/bridge.pid" socat "$(bridge_arg "$r")" >/dev/null; then
      spawn "$dir/bridge.pid" "$dir/forward.log" socat "$(bridge_arg "$r")" "TCP:$(reg_addr "$r")"
      wait_until "registry $r's socket" 10 test -S "$dir/ns.sock" || die "registry $r: no forwarding socket $dir/ns.sock"
    fi
    for h in "${FWD_HOSTS[@]}"; do
      if pid="$(live_proc "$dir/fwd-$h.pid" socat "$(fwd_arg "$r")")" && same_netns "$pid" "$h" && reg_answers "$r" "$h"; then
        continue
      fi
      stop_proc "$dir/fwd-$h.pid" socat "$(fwd_arg "$r")" "registry $r's forwarder in $h"
      log "forwarding 127.0.0.1:$(reg_port "$r") in $(ns_of "$h") to registry $r"
      spawn "$dir/fwd-$h.pid" "$dir/forward.log" nsenter --net="/var/run/netns/$(ns_of "$h")" \
        socat "TCP-LISTEN:$(reg_port "$r"),bind=127.0.0.1,reuseaddr,fork" "$(fwd_arg "$r")"
      wait_until "registry $r from $h" 10 reg_answers "$r" "$h" \
        || { tail -n 10 "$dir/forward.log" >&2 || true; die "registry $r does not answer from $h"; }
    done
  done
}

stop_forwarders() { # h2|h3|sN... — the registries' forwarders into these namespaces
  local r dir h
  for r in "${REGISTRIES[@]}"; do
    dir="$(reg_dir "$r")"
    [ -d "$dir" ] || continue
    for h in "$@"; do stop_proc "$dir/fwd-$h.pid" socat "$(fwd_arg "$r")" "registry $r's forwarder in $h"; done
  done
}

stop_registries() { # forwarders first, then the registries; their state goes with $STATE
  local r dir
  stop_forwarders "${FWD_HOSTS[@]}"
  for r in "${REGISTRIES[@]}"; do
    dir="$(reg_dir "$r")"
    [ -d "$dir" ] || continue
    stop_proc "$dir/bridge.pid" socat "$(bridge_arg "$r")" "registry $r's forwarding socket"
    if live_proc "$dir/registry.pid" docker-registry "$dir/config.yml" >/dev/null; then log "stopping registry $r"; fi
    stop_proc "$dir/registry.pid" docker-registry "$dir/config.yml" "registry $r"
  done
}

write_env() {
  cat > "$ENV_FILE.tmp" <<ENV
FLEET_SOCKET_ENDPOINT=unix://$MAIN_SOCK
FLEET_TCP_ENDPOINT=tcp://$(ip_of h2):2375
FLEET_TLS_ENDPOINT=https://$(ip_of h3):2376
FLEET_TLS_CA=$CERTS/ca.pem
FLEET_TLS_CERT=$CERTS/client-cert.pem
FLEET_TLS_KEY=$CERTS/client-key.pem
FLEET_WRONG_CA=$CERTS/wrong-ca.pem
FLEET_WRONG_CERT=$CERTS/wrong-client-cert.pem
FLEET_WRONG_KEY=$CERTS/wrong-client-key.pem
FLEET_IMAGE=$IMAGE
FLEET_REGISTRY=$(reg_addr open)
FLEET_AUTH_REGISTRY=$(reg_addr auth)
FLEET_REGISTRY_USER=$(reg_user)
FLEET_REGISTRY_PASSWORD=$(reg_password)
FLEET_WEB_IMAGES=$WEB_IMAGE,$WEB_V2_IMAGE,$WEB_BROKEN_IMAGE
FLEET_SWARM_MANAGER_TLS_ENDPOINT=$(endpoint_of s1)
FLEET_SWARM_MANAGER_ENDPOINTS=$(endpoint_of s1),$(endpoint_of s2),$(endpoint_of s3)
FLEET_SWARM_WORKER_ENDPOINT=$(endpoint_of s4)
FLEET_SWARM_NODES=s1,s2,s3,s4
FLEET_SWARM_ADDRESSES=$(ip_of s1),$(ip_of s2),$(ip_of s3),$(ip_of s4)
FLEET_SWARM_SOCKETS=unix://$(sock_of s1),unix://$(sock_of s2),unix://$(sock_of s3),unix://$(sock_of s4)
ENV
  mv "$ENV_FILE.tmp" "$ENV_FILE"
}

verify() { # what the tests rely on, beyond "it answers"
  local bad=0
  ping_unix "$MAIN_SOCK" >/dev/null 2>&1 || { log "main does not answer /_ping"; bad=1; }
  ping_tcp >/dev/null 2>&1 || { log "h2 (tcp) does not answer /_ping"; bad=1; }
  ping_tls >/dev/null 2>&1 || { log "h3 (mtls) does not answer /_ping with the fleet's client certificate"; bad=1; }
  if "${CURL[@]}" --cacert "$CERTS/ca.pem" "https://$(ip_of h3):2376/_ping" >/dev/null 2>&1; then
    log "h3 accepted a client WITHOUT a certificate"; bad=1
  fi
  if ping_tls "$CERTS/ca.pem" "$CERTS/wrong-client-cert.pem" "$CERTS/wrong-client-key.pem" >/dev/null 2>&1; then
    log "h3 accepted the wrong CA's client certificate"; bad=1
  fi
  if ping_tls "$CERTS/wrong-ca.pem" >/dev/null 2>&1; then
    log "h3's server certificate verified against the wrong CA"; bad=1
  fi
  # h2 <-> h3 across the root namespace (FORWARD), both ways.
  nsenter --net="/var/run/netns/$(ns_of h3)" "${CURL[@]}" "http://$(ip_of h2):2375/_ping" >/dev/null 2>&1 \
    || { log "h3 cannot reach h2"; bad=1; }
  nsenter --net="/var/run/netns/$(ns_of h2)" "${CURL[@]}" --cacert "$CERTS/ca.pem" --cert "$CERTS/client-cert.pem" \
    --key "$CERTS/client-key.pem" "https://$(ip_of h3):2376/_ping" >/dev/null 2>&1 || { log "h2 cannot reach h3"; bad=1; }
  # The registries, from the root namespace and from h2's and h3's; the auth one takes its user, not a wrong password.
  verify_registries || bad=1
  verify_swarm || bad=1
  return "$bad"
}

verify_swarm() {
  local n bad=0
  for n in "${SWARM_NODES[@]}"; do ping_node "$n" >/dev/null 2>&1 || { log "$n does not answer /_ping at $(endpoint_of "$n")"; bad=1; }; done
  if "${CURL[@]}" --cacert "$CERTS/ca.pem" "$(endpoint_of s1)/_ping" >/dev/null 2>&1; then
    log "s1 accepted a client WITHOUT a certificate"; bad=1
  fi
  if "${CURL[@]}" --cacert "$CERTS/ca.pem" --cert "$CERTS/wrong-client-cert.pem" --key "$CERTS/wrong-client-key.pem" \
    "$(endpoint_of s1)/_ping" >/dev/null 2>&1; then
    log "s1 accepted the wrong CA's client certificate"; bad=1
  fi
  swarm_healthy || { log "the swarm is not whole (3 managers reachable, 4 nodes ready):"; dk s1 node ls >&2 || true; bad=1; }
  return "$bad"
}

verify_registries() {
  local r h bad=0 code
  for r in "${REGISTRIES[@]}"; do
    for h in "" "${FWD_HOSTS[@]}"; do
      code="$(reg_code "$r" "$h")" || true
      [ "$code" = "$(reg_want "$r")" ] || { log "registry $r answers ${code:-nothing} (not $(reg_want "$r")) ${h:+from $h}"; bad=1; }
    done
  done
  [ -s "$(reg_dir auth)/credentials" ] || { log "registry auth: no credentials file"; return 1; }
  code="$(reg_code auth "" -u "$(reg_user):$(reg_password)")" || true
  [ "$code" = 200 ] || { log "registry auth answers ${code:-nothing} (not 200) to its user"; bad=1; }
  code="$(reg_code auth "" -u "$(reg_user):wrong")" || true
  [ "$code" = 401 ] || { log "registry auth answers ${code:-nothing} (not 401) to a wrong password"; bad=1; }
  return "$bad"
}

# A fleet daemon not running whose data-root is still there was never brought down (a killed run, a machine image
# taken with the fleet up): its containers and network sandboxes are an earlier run's, and a daemon starting on them
# first removes every stale sandbox (~0.1 s each: hundreds took s4 past its start deadline in CI). `down` removes
# data-roots anyway, so `up` starts such a daemon from a clean one; a running daemon keeps its state (up is idempotent),
# and swarm-stop/swarm-start (tests) keep theirs on purpose.
fresh_data_root() { # h2|h3|sN
  local h="$1" data exec
  data="$(data_of "$h")"; exec="$(exec_of "$h")"
  live_dockerd "$(pid_of "$h")" >/dev/null && return 0
  [ -e "$data" ] || [ -e "$exec" ] || return 0
  log "dockerd $h is not running and its data-root is left from an earlier run: starting it from a clean one"
  reap_leftovers "$h"
  rm -rf "$data" "$exec" || die "cannot remove $h's leftover $data / $exec"
}

up() {
  local started=$SECONDS h d pids=()
  [ "$(id -u)" -eq 0 ] || die "fleet.sh up must run as root (namespaces, iptables, daemons)"
  # Locked before installing: two concurrent runs must not race apt/dpkg (flock is util-linux, essential on Debian).
  mkdir -p "${LOCK%/*}"; exec 9>"$LOCK"; flock -w 600 9 || die "another fleet.sh holds $LOCK"
  install_packages
  mkdir -p "$STATE"
  make_certs
  if [ "$REGENERATED" = yes ] && live_dockerd "$(pid_of h3)" >/dev/null; then
    log "certificates were regenerated: restarting h3 so that it serves the new ones"
    stop_host h3
  fi
  make_swarm_cert
  if [ "$SWARM_CERT_NEW" = yes ] && live_dockerd "$(pid_of s1)" >/dev/null; then
    log "s1's certificate was (re)made: restarting s1 so that it serves it"
    stop_host s1
  fi
  ensure_swarm_bridge
  for h in "${HOSTS[@]}" "${SWARM_NODES[@]}"; do ensure_netns "$h"; done
  launch_main
  for h in "${HOSTS[@]}" "${SWARM_NODES[@]}"; do fresh_data_root "$h"; launch_host "$h"; done
  launch_registries
  for d in main "${HOSTS[@]}" "${SWARM_NODES[@]}"; do await_daemon "$d"; done
  await_registries
  link_hosts
  # Images build in the background, one job per host and one for the swarm, while the swarm forms.
  for d in main "${HOSTS[@]}"; do build_images "$d" & pids+=($!); done
  swarm_images & pids+=($!)
  form_swarm
  local failed=0 p
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  [ "$failed" = 0 ] || die "building the test images failed"
  write_env
  verify || die "the fleet is not healthy (see above)"
  log "fleet is up in $((SECONDS - started))s — $ENV_FILE"
  printf '  %-5s %-32s %-28s %s\n' main "unix://$MAIN_SOCK" "(root namespace)" "$MAIN_LOG"
  printf '  %-5s %-32s %-28s %s\n' h2 "tcp://$(ip_of h2):2375" "unix://$(sock_of h2)" "$(log_of h2)"
  printf '  %-5s %-32s %-28s %s\n' h3 "https://$(ip_of h3):2376 (mTLS)" "unix://$(sock_of h3)" "$(log_of h3)"
  for h in "${SWARM_NODES[@]}"; do
    printf '  %-5s %-32s %-28s %s\n' "$h" "$(endpoint_of "$h")$([ "$h" = s1 ] && echo ' (mTLS)')" "unix://$(sock_of "$h")" \
      "$(log_of "$h") ($(role_of "$h"))"
  done
  printf '  images on each: %s %s (swarm nodes also %s %s); certificates: %s\n' "$IMAGE" "$WEB_IMAGE" \
    "$WEB_V2_IMAGE" "$WEB_BROKEN_IMAGE" "$CERTS"
  printf '  registries (the same addresses from main, h2, h3 and s1-s4): %s (open), %s (basic auth, user %s)\n' \
    "$(reg_addr open)" "$(reg_addr auth)" "$(reg_user)"
}

# ------------------------------------------------------------------------------------------------------------- swarm
# s1 inits the swarm, s2 and s3 join as managers, s4 as worker. Each step looks first: a node already in s1's swarm with
# the right role is left alone; a node entry that is none of the four's current ids (a node that left) is removed,
# demoted first if a manager; a node of another (stale) swarm, or half-joined, leaves it (--force) and joins anew.

swarm_info() { dk "$1" info --format "$2" 2>/dev/null; } # sN go-template
node_ids() { dk s1 node ls -q 2>/dev/null; }             # from s1, a manager that has a leader
swarm_has_leader() { dk s1 node ls -q >/dev/null 2>&1; }

# Every node ready and active, every manager reachable, exactly one leader, and nothing else: as s1 sees it, each node
# known by its address with its role and its fleet.node label, and each node in it by its own word. Six CLI calls
# (this runs on every `up`).
swarm_healthy() {
  local ids rows want n
  ids="$(dk s1 node ls -q 2>/dev/null)" && [ -n "$ids" ] || return 1
  # shellcheck disable=SC2086 # one argument per id
  rows="$(dk s1 node inspect --format '{{.Status.Addr}} {{.Spec.Role}} {{index .Spec.Labels "fleet.node"}} {{.Status.State}} {{.Spec.Availability}}{{if .ManagerStatus}} {{.ManagerStatus.Reachability}} {{.ManagerStatus.Leader}}{{end}}' $ids 2>/dev/null)" || return 1
  [ "$(grep -c ' true$' <<<"$rows")" = 1 ] || return 1
  want="$(for n in "${SWARM_NODES[@]}"; do
    echo "$(ip_of "$n") $(role_of "$n") $n ready active$([ "$(role_of "$n")" = manager ] && echo ' reachable')"; done | sort)"
  [ "$(sed -E 's/ (true|false)$//' <<<"$rows" | sort)" = "$want" ] || return 1
  # And each node itself says it is in this swarm under one of those ids: a node restarted from a clean data-root is
  # still "ready" in s1's list until its heartbeat times out, while it is in no swarm at all.
  local own
  for n in "${SWARM_NODES[@]}"; do
    own="$(swarm_info "$n" '{{.Swarm.LocalNodeState}} {{.Swarm.NodeID}}')" || return 1
    [ "${own%% *}" = active ] && grep -qxF "${own#* }" <<<"$ids" || return 1
  done
}

# Whether a majority of the managers s1's swarm counts (its RemoteManagers, known without a leader) are fleet nodes that
# still hold that identity (their own NodeID, in a swarm): if not, waiting for a leader is waiting forever.
# A node that does not answer counts as "may come back": re-forming the swarm is only for managers known to be gone.
quorum_can_return() {
  local managers mine="" n id state total=0 live=0
  managers="$(swarm_info s1 '{{range .Swarm.RemoteManagers}}{{.NodeID}} {{end}}')" || return 0
  for n in "${SWARM_NODES[@]}"; do
    state="$(swarm_info "$n" '{{.Swarm.LocalNodeState}} {{.Swarm.NodeID}}')" || return 0
    [ "${state%% *}" = inactive ] || mine+="${state#* }"$'\n'
  done
  for id in $managers; do
    total=$((total + 1))
    grep -qxF "$id" <<<"$mine" && live=$((live + 1))
  done
  [ "$live" -gt $((total / 2)) ]
}

leave_swarm() { # sN why
  log "swarm: $1 $2: it leaves (--force)"
  dk "$1" swarm leave --force >/dev/null 2>&1 || true
  wait_until "$1 to leave its swarm" 30 test "$(swarm_info "$1" '{{.Swarm.LocalNodeState}}')" = inactive \
    || die "swarm: $1 does not leave its swarm"
}

form_swarm() {
  local state cluster n id role want ids=() members
  swarm_healthy && return 0
  # s1: a manager of a swarm that has a leader, or it makes a new one.
  state="$(swarm_info s1 '{{.Swarm.LocalNodeState}}')"
  if [ "$state" = active ] && [ "$(swarm_info s1 '{{.Swarm.ControlAvailable}}')" = true ]; then
    if ! swarm_has_leader && ! quorum_can_return; then
      # The managers it counts on are gone for good (they left, or are in another swarm): no leader can ever be elected.
      # Docker's disaster recovery: a new one-manager cluster from s1's own state; the others then join it anew.
      log "swarm: s1's managers are gone for good: re-forming its swarm with --force-new-cluster"
      dk s1 swarm init --force-new-cluster --advertise-addr "$(ip_of s1)" --listen-addr "$(ip_of s1):2377" >/dev/null \
        || die "swarm: s1 cannot re-form its swarm"
    fi
    # After a restart of the managers, raft needs a majority of them back before s1 answers with a leader.
    wait_until "s1's swarm to have a leader" "$SWARM_WAIT" swarm_has_leader || die "swarm: s1 is a manager without a leader"
  else
    [ "$state" = inactive ] || leave_swarm s1 "is $state, not a manager"
    log "swarm: init on s1 ($(ip_of s1):2377)"
    dk s1 swarm init --advertise-addr "$(ip_of s1)" --listen-addr "$(ip_of s1):2377" \
      --default-addr-pool "$SWARM_POOL" --default-addr-pool-mask-length 24 >/dev/null || die "swarm: init on s1 failed"
  fi
  cluster="$(swarm_info s1 '{{.Swarm.Cluster.ID}}')"
  # First the entries none of the four has as its id now (a node that left, or whose data-root went, or that is in
  # another swarm): a stale manager entry counts against quorum, so it goes before anyone joins.
  for n in "${SWARM_NODES[@]}"; do ids+=("$(swarm_info "$n" '{{.Swarm.NodeID}}')"); done
  for id in $(node_ids); do
    printf '%s\n' "${ids[@]}" | grep -qxF "$id" && continue
    log "swarm: removing the stale node entry $id"
    # A manager entry is demoted first (after --force-new-cluster the others are no raft members: that demote fails,
    # and the removal alone does it).
    [ "$(dk s1 node inspect --format '{{.Spec.Role}}' "$id")" = worker ] || dk s1 node demote "$id" >/dev/null 2>&1 || true
    dk s1 node rm --force "$id" >/dev/null || die "swarm: cannot remove the stale node entry $id"
  done
  for n in "${SWARM_NODES[@]:1}"; do
    role="$(role_of "$n")"
    state="$(swarm_info "$n" '{{.Swarm.LocalNodeState}}')"
    id="$(swarm_info "$n" '{{.Swarm.NodeID}}')"
    members="$(node_ids)" || die "swarm: s1 cannot list its nodes"
    if [ "$state" = active ] && [ -n "$id" ] && grep -qxF "$id" <<<"$members" \
      && { [ "$role" = worker ] || [ "$(swarm_info "$n" '{{.Swarm.Cluster.ID}}')" = "$cluster" ]; }; then
      want="$(dk s1 node inspect --format '{{.Spec.Role}}' "$id")"
      if [ "$want" != "$role" ]; then
        log "swarm: $n is a $want, making it a $role"
        if [ "$role" = manager ]; then dk s1 node promote "$id" >/dev/null; else dk s1 node demote "$id" >/dev/null; fi
      fi
      continue
    fi
    [ "$state" = inactive ] || leave_swarm "$n" "is $state but not a member of s1's swarm ($cluster)"
    log "swarm: $n joins as $role"
    # A manager's join returns once it is a raft member; one manager at a time, so quorum is never in doubt.
    dk "$n" swarm join --token "$(dk s1 swarm join-token -q "$role")" --advertise-addr "$(ip_of "$n")" \
      --listen-addr "$(ip_of "$n"):2377" "$(ip_of s1):2377" >/dev/null || die "swarm: $n cannot join as $role"
  done
  # The four (ids as they are now, after any join) get their fleet.node label: tests place tasks by it.
  ids=()
  for n in "${SWARM_NODES[@]}"; do ids+=("$(swarm_info "$n" '{{.Swarm.NodeID}}')"); done
  local i=0
  for n in "${SWARM_NODES[@]}"; do
    [ "$(dk s1 node inspect --format '{{index .Spec.Labels "fleet.node"}}' "${ids[$i]}")" = "$n" ] \
      || dk s1 node update --label-add "fleet.node=$n" "${ids[$i]}" >/dev/null
    i=$((i + 1))
  done
  await_swarm
}

await_swarm() {
  wait_until "the swarm: 3 managers reachable, 4 nodes ready" "$SWARM_WAIT" swarm_healthy || {
    dk s1 node ls >&2 || true; die "the swarm is not healthy (above)"; }
}

# The swarm part on its own: its daemons (by pid file, with their leftovers), namespaces, bridge, forwarders, rule,
# data-roots. What stays: the fleet, its state and certificates (s1's included), and the main/h2/h3 hosts.
swarm_down() {
  local n pid pids=()
  stop_forwarders "${SWARM_NODES[@]}"
  for n in "${SWARM_NODES[@]}"; do stop_host "$n" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  for n in "${SWARM_NODES[@]}"; do remove_host "$n"; done
  ip link del "$SWARM_BRIDGE" 2>/dev/null || true
  if command -v iptables >/dev/null; then
    local chain
    for chain in DOCKER-USER FORWARD; do
      while iptables -D "$chain" -i "$SWARM_BRIDGE" -o "$SWARM_BRIDGE" -m comment --comment fleet -j ACCEPT 2>/dev/null; do :; done
    done
  fi
}

remove_host() { # h2|h3|sN — after stop_host: its namespace, veth, data-root, exec-root, socket, pid file, log
  local h="$1"
  [ ! -e "/var/run/netns/$(ns_of "$h")" ] || ip netns del "$(ns_of "$h")"
  ip link del "$(veth_of "$h")" 2>/dev/null || true
  rm -rf "$(data_of "$h")" "$(exec_of "$h")" "$(sock_of "$h")" "$(pid_of "$h")" "$(log_of "$h")"
}

# For tests: stop swarm nodes (a real dockerd stop, by pid file; their data stays), and start them again, waiting until
# each answers and the swarm is whole again (every node ready, every manager reachable).
swarm_stop() {
  local n pids=() pid
  [ $# -gt 0 ] || die "usage: fleet.sh swarm-stop s1|s2|s3|s4..."
  for n in "$@"; do is_swarm "$n" || die "not a swarm node: $n"; done
  for n in "$@"; do stop_host "$n" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
}

swarm_start() {
  local n
  [ $# -gt 0 ] || die "usage: fleet.sh swarm-start s1|s2|s3|s4..."
  for n in "$@"; do is_swarm "$n" || die "not a swarm node: $n"; done
  for n in "$@"; do [ -e "/var/run/netns/$(ns_of "$n")" ] || die "$n has no namespace: run fleet.sh up"; done
  for n in "$@"; do launch_host "$n"; done
  for n in "$@"; do await_daemon "$n"; done
  await_swarm
}

# -------------------------------------------------------------------------------------------------------------- down

down() {
  [ "$(id -u)" -eq 0 ] || die "fleet.sh down must run as root"
  mkdir -p "${LOCK%/*}"; exec 9>"$LOCK"; flock -w 600 9 || die "another fleet.sh holds $LOCK"
  local h pid pids=()
  # Stop all namespace daemons (h2, h3 and the swarm's) at once, then clean each up.
  for h in "${HOSTS[@]}" "${SWARM_NODES[@]}"; do stop_host "$h" & pids+=($!); done
  stop_registries # forwarders in the namespaces included, before these go
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  for h in "${HOSTS[@]}" "${SWARM_NODES[@]}"; do remove_host "$h"; done
  ip link del "$SWARM_BRIDGE" 2>/dev/null || true
  if command -v iptables >/dev/null; then
    local chain rule n
    for chain in DOCKER-USER FORWARD; do
      for n in $(seq 1 20); do
        rule="$(iptables -S "$chain" 2>/dev/null | grep -m1 -E -- '--comment "?fleet"?( |$)' || true)"
        [ -n "$rule" ] || break
        iptables ${rule/#-A /-D }
      done
    done
  fi
  if [ -f "$STATE/ip-forward-set" ]; then echo 0 > /proc/sys/net/ipv4/ip_forward; fi
  if [ -f "$STATE/main-started" ] && pid="$(live_dockerd "$MAIN_PID")"; then
    log "stopping the main dockerd this script started (pid $pid; its data-root stays)"
    kill "$pid" 2>/dev/null || true
    wait_until "main dockerd to exit" 30 proc_gone "$pid" || { kill -9 "$pid" 2>/dev/null || true; }
  fi
  reap_private
  rm -rf "$STATE"
  log "fleet is down"
}

# ------------------------------------------------------------------------------------------------------------ status

status() {
  [ -f "$ENV_FILE" ] || { log "fleet is down (no $ENV_FILE)"; return 1; }
  cat "$ENV_FILE"
  local bad=0
  if ping_unix "$MAIN_SOCK" >/dev/null 2>&1; then log "main   unix://$MAIN_SOCK: up"; else log "main: DOWN"; bad=1; fi
  if ping_tcp >/dev/null 2>&1; then log "h2     tcp://$(ip_of h2):2375: up"; else log "h2 (tcp): DOWN"; bad=1; fi
  if ping_tls >/dev/null 2>&1; then log "h3     https://$(ip_of h3):2376 (mTLS): up"; else log "h3 (mtls): DOWN"; bad=1; fi
  local n
  for n in "${SWARM_NODES[@]}"; do
    if ping_node "$n" >/dev/null 2>&1; then log "$n     $(endpoint_of "$n") ($(role_of "$n")): up"; else log "$n: DOWN"; bad=1; fi
  done
  if [ "$(id -u)" -ne 0 ]; then log "swarm: not checked (its setup sockets need root)"
  elif swarm_healthy; then log "swarm: 3 managers reachable (one leader), 4 nodes ready"
  else log "swarm: NOT whole"; dk s1 node ls >&2 || true; bad=1; fi
  local r h where
  for r in "${REGISTRIES[@]}"; do
    for h in "" "${FWD_HOSTS[@]}"; do
      where="${h:-root}"
      if [ -n "$h" ] && [ "$(id -u)" -ne 0 ]; then log "registry $r from $h: not checked (entering $h needs root)"; continue; fi
      if reg_answers "$r" "$h" 2>/dev/null; then log "registry $r http://$(reg_addr "$r") from $where: up"
      else log "registry $r http://$(reg_addr "$r") from $where: DOWN"; bad=1; fi
    done
  done
  return "$bad"
}

# Swarm commands for tests, under the fleet lock like up and down (the lock is shared with nothing else).
locked() {
  [ "$(id -u)" -eq 0 ] || die "fleet.sh $1 must run as root"
  mkdir -p "${LOCK%/*}"; exec 9>"$LOCK"; flock -w 600 9 || die "another fleet.sh holds $LOCK"
}

cmd="${1:-}"; [ $# -eq 0 ] || shift
case "$cmd" in
  up) up ;;
  down) down ;;
  status) status ;;
  swarm-down) locked swarm-down; swarm_down; log "the swarm is down (run up to bring it back)" ;;
  swarm-stop) locked swarm-stop; swarm_stop "$@" ;;
  swarm-start) locked swarm-start; swarm_start "$@" ;;
  *) echo "usage: $0 up|down|status|swarm-down|swarm-stop sN...|swarm-start sN..." >&2; exit 2 ;;
esac
