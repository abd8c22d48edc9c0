# Sourced by .ci/run and benchmarks/run: starts redis-server and memcached on free loopback ports,
# exports HERMES_REDIS_URI and HERMES_MEMCACHED_SERVERS, and stops both when the calling script exits.

# Below Linux's ephemeral range (32768 and up): a port a client connection holds there cannot be listened on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

start_local_servers() {
  local dir redis_port memcached_port
  dir=$(mktemp -d)
  redis_port=$(free_port)
  memcached_port=$(free_port)
  while [ "$memcached_port" = "$redis_port" ]; do memcached_port=$(free_port); done
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  memcached -d -u root -l 127.0.0.1 -p "$memcached_port" -U 0 -m 128 -P "$dir/memcached.pid"
  # shellcheck disable=SC2064 # expand $dir now
  trap "for pid in '$dir'/*.pid; do [ -f \"\$pid\" ] && kill \"\$(cat \"\$pid\")\" 2>/dev/null; done; true" EXIT
  for _ in $(seq 50); do
    servers_answer "$redis_port" "$memcached_port" && break
    sleep 0.1
  done
  if ! servers_answer "$redis_port" "$memcached_port"; then
    echo "redis-server (port $redis_port) or memcached (port $memcached_port) did not start:" >&2
    cat "$dir/redis.log" >&2
    return 1
  fi
  export HERMES_REDIS_URI="redis://127.0.0.1:$redis_port/0"
  export HERMES_MEMCACHED_SERVERS="127.0.0.1:$memcached_port"
  echo "Redis at $HERMES_REDIS_URI, Memcached at $HERMES_MEMCACHED_SERVERS"
}

servers_answer() {
  redis-cli -p "$1" ping >/dev/null 2>&1 && (echo >"/dev/tcp/127.0.0.1/$2") 2>/dev/null
}
