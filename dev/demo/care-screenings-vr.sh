#!/usr/bin/env bash
# Demo screenings, conditions and a VR session for the demo residents (care-screenings-vr.tsv).
# Needs each resident's id from care-service, so the generic loader cannot do it. Safe to repeat:
# a resident who has screenings already gets none, conditions are set to the same list again, and
# tomorrow's 10:00 MEMORY-GARDEN session is created only when the room has none at that time
# (enrolling again answers 409, which is fine). Local development only (demo logins and secrets).
set -euo pipefail

demo_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
keycloak_url=${SMARTTOWN_KEYCLOAK_URL:-http://127.0.0.1:8180}
care_url=${SMARTTOWN_CARE_URL:-http://127.0.0.1:8082}
token_url="$keycloak_url/realms/smarttown/protocol/openid-connect/token"
memory_garden=5f0c8a1e-0001-4c3b-9a51-0d6f3e2b1a01

if ! curl -sS -o /dev/null --max-time 10 "$care_url/q/health/live" 2>/dev/null; then
    echo "demo: screenings and VR: skipped, care-service is not running"
    exit 0
fi
token=$(curl -sS --max-time 20 "$token_url" -d grant_type=password -d client_id=smarttown-cli \
    -d client_secret=smarttown-cli-secret -d username=supervisor1 -d password=smarttown |
    sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
[[ -n $token ]] || { echo "demo: no token for supervisor1" >&2; exit 1; }
api() { # method path [body] → sets $status and $reply
    local out args=(-sS --max-time 20 -w '\n%{http_code}' -X "$1" "$care_url$2" -H "Authorization: Bearer $token"
        -H 'Content-Type: application/json')
    [[ $# -ge 3 ]] && args+=(-d "$3")
    out=$(curl "${args[@]}")
    reply=${out%$'\n'*}
    status=${out##*$'\n'}
}

profiles=""
for _ in $(seq 1 30); do
    profiles=$(curl -sS --max-time 20 -H "Authorization: Bearer $token" "$care_url/api/care/profiles?size=100")
    grep -q '"residentId"' <<<"$profiles" && break
    sleep 1
done
id_of() {
    sed 's/},{/}\n{/g' <<<"$profiles" | grep -F "\"name\":\"$1\"" |
        sed -n 's/.*"residentId"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' | head -n 1 || true
}

# Tomorrow 10:00 in the office's zone.
start=$(TZ=Asia/Seoul date -d 'tomorrow 10:00' '+%Y-%m-%dT%H:%M:%S+09:00')
until=$(TZ=Asia/Seoul date -d 'tomorrow 10:01' '+%Y-%m-%dT%H:%M:%S+09:00')
api GET "/api/care/vr/sessions?from=${start/+/%2B}&to=${until/+/%2B}"
[[ $status == 200 ]] || { echo "demo: listing VR sessions answered $status" >&2; exit 1; }
session=$(sed -n 's/.*"items":\[{"id":"\([^"]*\)".*/\1/p' <<<"$reply")
if [[ -z $session ]]; then
    api POST /api/care/vr/sessions "{\"programmeId\":\"$memory_garden\",\"startsAt\":\"$start\",\"capacity\":6}"
    if [[ $status == 409 ]]; then
        # Someone's own session holds the room then: the demo adds none rather than failing `up`.
        echo "demo: the VR room is taken tomorrow at 10:00; no demo session" >&2
    else
        [[ $status == 201 ]] || { echo "demo: creating the VR session answered $status: $reply" >&2; exit 1; }
        session=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' <<<"$reply")
    fi
fi

screened=0 enrolled=0 missing=0
while IFS=$'\t' read -r name conditions instrument answers; do
    [[ -z $name || $name == \#* ]] && continue
    id=$(id_of "$name")
    if [[ -z $id ]]; then
        missing=$((missing + 1))
        continue
    fi
    list=$(sed 's/\([A-Z_]*\)/"\1"/g' <<<"$conditions")
    api PUT "/api/care/profiles/$id/conditions" "{\"conditions\":[$list]}"
    [[ $status == 200 ]] || { echo "demo: conditions of $name answered $status" >&2; exit 1; }
    api GET "/api/care/residents/$id/screenings"
    if grep -q '"instruments":\[\]' <<<"$reply"; then
        if [[ $answers == \[* ]]; then
            body="{\"residentId\":\"$id\",\"instrument\":\"$instrument\",\"answers\":$answers}"
        else
            body="{\"residentId\":\"$id\",\"instrument\":\"$instrument\",$answers}"
        fi
        api POST /api/care/screenings "$body"
        [[ $status == 201 ]] || { echo "demo: screening $name answered $status: $reply" >&2; exit 1; }
        screened=$((screened + 1))
    fi
    [[ -n $session ]] || continue
    api POST "/api/care/vr/sessions/$session/enrolments" "{\"residentId\":\"$id\"}"
    [[ $status == 201 ]] && enrolled=$((enrolled + 1))
    [[ $status == 201 || $status == 409 ]] || { echo "demo: enrolling $name answered $status: $reply" >&2; exit 1; }
done <"$demo_dir/care-screenings-vr.tsv"
echo "demo: screenings and VR: $screened screened, $enrolled enrolled in tomorrow's 10:00 session, $missing waiting for a care profile"
