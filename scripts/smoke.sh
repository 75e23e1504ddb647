#!/usr/bin/env bash
# After a deploy (or against the local runtime): posts one feedback with the API key, reads it back
# from the customer's profile, then erases that test customer. Exit 0 when the whole path works.
#   scripts/smoke.sh <ApiUrl> <api key>
#   scripts/smoke.sh "$(aws cloudformation describe-stacks --stack-name Touchpoint-prod \
#     --query "Stacks[0].Outputs[?OutputKey=='ApiUrl'].OutputValue" --output text)" "$KEY"
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <ApiUrl> <api key>" >&2; exit 2; }
url="${1%/}"
key="$2"
run="smoke-$(date +%s)-$$"
email="${run}@example.com"
encoded="${run}%40example.com"
body=$(mktemp)
trap 'rm -f "$body"' EXIT

status=$(curl -sS -o "$body" -w '%{http_code}' -X POST "$url/v1/feedback" \
  -H 'content-type: application/json' -H "x-api-key: $key" \
  -d "{\"externalId\":\"$run\",\"channel\":\"api\",\"touchpoint\":\"smoke-test\",\"customer\":{\"email\":\"$email\"},
       \"answers\":[{\"questionId\":\"nps\",\"type\":\"nps\",\"value\":10}]}")
if [ "$status" != 202 ]; then
  echo "smoke: POST /v1/feedback answered $status, not 202: $(cat "$body")" >&2
  exit 1
fi
response=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$body")
echo "smoke: feedback $run accepted (202), response $response"

# The pipeline is asynchronous: the processor stores the response a moment after the 202.
for _ in $(seq 1 30); do
  status=$(curl -sS -o "$body" -w '%{http_code}' "$url/v1/profiles?email=$encoded" -H "x-api-key: $key")
  if [ "$status" = 200 ] && grep -q "\"externalId\":\"$run\"" "$body"; then
    profile=$(sed -E 's/^\{"id":"([^"]+)".*/\1/' "$body")
    echo "smoke: the response is on profile $profile"
    status=$(curl -sS -o "$body" -w '%{http_code}' -X DELETE "$url/v1/profiles/$profile" -H "x-api-key: $key")
    if [ "$status" != 200 ] && [ "$status" != 204 ]; then
      echo "smoke: erasing the test customer answered $status: $(cat "$body")" >&2
      exit 1
    fi
    echo "smoke: test customer erased; the deployment takes, stores and serves feedback"
    exit 0
  fi
  sleep 1
done
echo "smoke: response $response was not readable 30 s after its 202: read the processor's logs" \
  "(filter correlationId = \"$response\") and the dead-letter queue (output DeadLetterQueueUrl)" >&2
exit 1
