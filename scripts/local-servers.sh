# Sourced by .ci/run and benchmarks/run: starts redis-server and memcached on free loopback ports,
# exports HERMES_REDIS_URI and HERMES_MEMCACHED_SERVERS, and stops both when the calling script exits.

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

start_local_servers() {
  local dir redis_port memcached_port
  dir=$(mktemp -d)
  redis_port=$(free_port)
  memcached_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  memcached -d -u root -l 127.0.0.1 -p "$memcached_port" -U 0 -m 128 -P "$dir/memcached.pid"
  # shellcheck disable=SC2064 # expand $dir now
  trap "for pid in '$dir'/*.pid; do [ -f \"\$pid\" ] && kill \"\$(cat \"\$pid\")\" 2>/dev/null; done; true" EXIT
  for _ in $(seq 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && (echo >"/dev/tcp/127.0.0.1/$memcached_port") 2>/dev/null && break
    sleep 0.1
  done
  export HERMES_REDIS_URI="redis://127.0.0.1:$redis_port/0"
  export HERMES_MEMCACHED_SERVERS="127.0.0.1:$memcached_port"
  echo "Redis at $HERMES_REDIS_URI, Memcached at $HERMES_MEMCACHED_SERVERS"
}
