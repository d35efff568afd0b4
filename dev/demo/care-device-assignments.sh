#!/usr/bin/env bash
# Installs the demo devices for the demo residents (care-device-assignments.tsv: serial, name).
# The generic loader cannot do this step because it needs each resident's id, which care-service
# knows once resident-service's events arrived. Safe to repeat: assigning a device to the resident
# it already serves answers 200 again. Local development only (demo logins and secrets).
set -euo pipefail

demo_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
keycloak_url=${SMARTTOWN_KEYCLOAK_URL:-http://127.0.0.1:8180}
care_url=${SMARTTOWN_CARE_URL:-http://127.0.0.1:8082}
token_url="$keycloak_url/realms/smarttown/protocol/openid-connect/token"

if ! curl -sS -o /dev/null --max-time 10 "$care_url/q/health/live" 2>/dev/null; then
    echo "demo: device assignments: skipped, care-service is not running"
    exit 0
fi
token=$(curl -sS --max-time 20 "$token_url" -d grant_type=password -d client_id=smarttown-cli \
    -d client_secret=smarttown-cli-secret -d username=supervisor1 -d password=smarttown |
    sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
[[ -n $token ]] || { echo "demo: no token for supervisor1" >&2; exit 1; }

# Profiles appear shortly after the residents are registered (events through the broker).
profiles=""
for _ in $(seq 1 30); do
    profiles=$(curl -sS --max-time 20 -H "Authorization: Bearer $token" "$care_url/api/care/profiles?size=100")
    grep -q '"residentId"' <<<"$profiles" && break
    sleep 1
done

assigned=0 missing=0
while IFS=$'\t' read -r serial name; do
    [[ -z $serial || $serial == \#* ]] && continue
    # The profile object that names this resident: split the list into objects, one per line.
    id=$(sed 's/},{/}\n{/g' <<<"$profiles" | grep -F "\"name\":\"$name\"" |
        sed -n 's/.*"residentId"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' | head -n 1)
    if [[ -z $id ]]; then
        missing=$((missing + 1))
        continue
    fi
    status=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -X POST "$care_url/api/care/devices/$serial/assign" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"residentId\":\"$id\"}")
    [[ $status == 200 || $status == 201 ]] || { echo "demo: assigning $serial to $name answered $status" >&2; exit 1; }
    assigned=$((assigned + 1))
done <"$demo_dir/care-device-assignments.tsv"
echo "demo: device assignments: $assigned in place, $missing waiting for a care profile"
