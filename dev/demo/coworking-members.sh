#!/usr/bin/env bash
# Demo memberships for the local suite: founder1 and founder2 apply (team "Haneul Labs") and
# manager1 approves them. Idempotent: an existing application answers 409 and an approved member
# is left alone, so running it twice changes nothing. Needs only curl and bash, like dev/demo/load.
# Passwords and secrets are local-development values from k8s/keycloak/smarttown-realm.json.
set -euo pipefail

keycloak_url=${SMARTTOWN_KEYCLOAK_URL:-http://127.0.0.1:8180}
service_url=${SMARTTOWN_COWORKING_URL:-http://127.0.0.1:8083}
token_url="$keycloak_url/realms/smarttown/protocol/openid-connect/token"

if ! curl -sS -o /dev/null --max-time 10 "$service_url/q/health/live" 2>/dev/null; then
    echo "coworking demo: skipped, coworking-service is not running"
    exit 0
fi

token() {
    curl -sS --max-time 20 "$token_url" -d grant_type=password -d client_id=smarttown-cli \
        -d client_secret=smarttown-cli-secret --data-urlencode "username=$1" -d password=smarttown |
        sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p'
}

field() {
    sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"
}

manager=$(token manager1)
[[ -n $manager ]] || { echo "coworking demo: no token for manager1" >&2; exit 1; }

# name | birth date (aged 20-35 for years to come) | user
for entry in "Kim Min-ji|1998-03-14|founder1" "Lee Jun-ho|1995-09-02|founder2"; do
    IFS='|' read -r name birth user <<<"$entry"
    founder=$(token "$user")
    [[ -n $founder ]] || { echo "coworking demo: no token for $user" >&2; exit 1; }
    status=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -X POST "$service_url/api/coworking/members" \
        -H "Authorization: Bearer $founder" -H 'Content-Type: application/json' \
        -d "{\"name\":\"$name\",\"birthDate\":\"$birth\",\"startupName\":\"Haneul Labs\",\"team\":\"Haneul Labs\",\"businessStage\":\"PROTOTYPE\"}")
    [[ $status == 201 || $status == 409 ]] || { echo "coworking demo: applying as $user answered $status" >&2; exit 1; }
    me=$(curl -sS --max-time 20 -H "Authorization: Bearer $founder" "$service_url/api/coworking/members/me")
    if [[ $(field status <<<"$me") == PENDING ]]; then
        id=$(field id <<<"$me")
        status=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -X POST \
            "$service_url/api/coworking/members/$id/approve" -H "Authorization: Bearer $manager" \
            -H 'Content-Type: application/json' -d '{"cohort":"2026-demo"}')
        [[ $status == 200 ]] || { echo "coworking demo: approving $user answered $status" >&2; exit 1; }
        echo "coworking demo: $user approved"
    else
        echo "coworking demo: $user is $(field status <<<"$me"), left as is"
    fi
done
