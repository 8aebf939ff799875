#!/usr/bin/env bash
# Starts a private ClickHouse server (Debian's clickhouse-server) on loopback for tests and
# benchmarks, or stops one started earlier. Everything lives in one temporary directory: config,
# users, data, logs and the PID file; nothing under /etc or /var/lib is touched.
#
#   scripts/clickhouse-local.sh start [DIR]   # prints TRACER_CLICKHOUSE_URL=http://127.0.0.1:PORT/tracer_test
#   scripts/clickhouse-local.sh stop DIR      # stops the server whose PID is in DIR/clickhouse.pid
#
# Ports: CLICKHOUSE_HTTP_PORT (default 18123) and CLICKHOUSE_TCP_PORT (default 19000).
set -euo pipefail

cmd="${1:-}"
dir="${2:-}"
http_port="${CLICKHOUSE_HTTP_PORT:-18123}"
tcp_port="${CLICKHOUSE_TCP_PORT:-19000}"
server="$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)"

start() {
  [ -x "$server" ] || { echo "clickhouse-local: clickhouse-server not found (apt-get install clickhouse-server)" >&2; exit 1; }
  [ -n "$dir" ] || dir="$(mktemp -d /tmp/tracer-clickhouse.XXXXXX)"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/log" "$dir/user_files" "$dir/format_schemas"
  cat >"$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><size>10M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http_port</http_port>
  <tcp_port>$tcp_port</tcp_port>
  <max_connections>64</max_connections>
  <keep_alive_timeout>10</keep_alive_timeout>
  <max_concurrent_queries>32</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <tracer_local>
      <shard><replica><host>127.0.0.1</host><port>$tcp_port</port></replica></shard>
    </tracer_local>
  </remote_servers>
</yandex>
XML
  cat >"$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><load_balancing>random</load_balancing></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  "$server" --config-file="$dir/config.xml" >"$dir/log/stdout.log" 2>&1 &
  echo $! >"$dir/clickhouse.pid"
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$http_port/ping" >/dev/null 2>&1; then
      echo "CLICKHOUSE_DIR=$dir"
      echo "TRACER_CLICKHOUSE_URL=http://127.0.0.1:$http_port/tracer_test"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/clickhouse.pid")" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "clickhouse-local: server did not start; see $dir/log" >&2
  tail -n 20 "$dir/log/stdout.log" "$dir/log/error.log" >&2 2>/dev/null || true
  exit 1
}

stop() {
  [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
  [ -s "$dir/clickhouse.pid" ] || return 0
  local pid
  pid="$(cat "$dir/clickhouse.pid")"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2 ;;
esac
