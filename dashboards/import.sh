#!/bin/sh
# Imports every saved-object file next to this script into Kibana, overwriting objects with the
# same ids, so running it again after an upgrade replaces the dashboards instead of copying them.
#   KIBANA_URL   e.g. http://kibana:5601 (required)
#   KIBANA_AUTH  optional user:password for a secured Kibana (e.g. elastic:$ELASTIC_PASSWORD)
#   KIBANA_WAIT_SECONDS  how long to wait for Kibana to become available (default 300)
set -eu

: "${KIBANA_URL:?set KIBANA_URL, e.g. http://localhost:5601}"
KIBANA_URL=${KIBANA_URL%/}
WAIT=${KIBANA_WAIT_SECONDS:-300}
DIR=$(cd "$(dirname "$0")" && pwd)

kcurl() {
  if [ -n "${KIBANA_AUTH:-}" ]; then
    curl -s -u "$KIBANA_AUTH" "$@"
  else
    curl -s "$@"
  fi
}

# /api/status answers 503 until Kibana's core services are up; the body then says "available".
waited=0
until kcurl "$KIBANA_URL/api/status" | tr -d ' \n' | grep -q '"level":"available"'; do
  if [ "$waited" -ge "$WAIT" ]; then
    echo "Kibana at $KIBANA_URL did not become available within ${WAIT}s" >&2
    exit 2
  fi
  sleep 5
  waited=$((waited + 5))
done

status=0
found=0
for file in "$DIR"/*.ndjson; do
  [ -f "$file" ] || continue
  found=1
  # Kibana answers 200 even when objects fail, so the body decides.
  body=$(kcurl -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
    -H 'kbn-xsrf: true' --form "file=@$file") || body="curl failed with exit code $?"
  if printf '%s' "$body" | tr -d ' \n' | grep -q '"success":true'; then
    echo "imported $(basename "$file")"
  else
    echo "import of $(basename "$file") failed:" >&2
    printf '%s\n' "$body" >&2
    status=1
  fi
done

if [ "$found" -eq 0 ]; then
  echo "no .ndjson files in $DIR" >&2
  exit 2
fi
exit "$status"
