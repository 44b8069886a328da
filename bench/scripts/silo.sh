# Sourced by the bench scripts. start_silo <silo-dir> <http-port> <log> [server arguments...] starts a fresh single-node
# platform (memory storage, warnings only) in the background from a published or built silo directory, its silo and
# gateway ports at http-port + 31 and + 32; sets pid (the caller's own, when it declared one local) and returns once
# /health/ready answers, or after 60 s.
start_silo() {
  local dir=$1 port=$2 log=$3
  shift 3
  "$dir/Platform.Silo" --urls "http://127.0.0.1:$port" --Orleans:SiloPort=$((port + 31)) --Orleans:GatewayPort=$((port + 32)) \
    --Logging:LogLevel:Default=Warning "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && break; sleep 0.5; done
}
