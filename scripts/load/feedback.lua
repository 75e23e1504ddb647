-- wrk script for POST /v1/feedback: every request is a distinct response (its own externalId), and
-- every status is counted per thread so the run can prove that each 202 became a response.
local threads = {}
counter = 0
local tag = ""

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tag = (args[1] or "load") .. "-" .. id
  accepted = 0
  refused = 0
  failed = 0
end

function request()
  counter = counter + 1
  local body = string.format('{"externalId":"%s-%d","channel":"app","touchpoint":"load-test","surveyId":"post-service",'
    .. '"customer":{"anonymousId":"visitor-%d"},"answers":[{"questionId":"nps","type":"nps","value":%d}]}',
    tag, counter, counter % 500, counter % 11)
  return wrk.format("POST", "/v1/feedback", { ["content-type"] = "application/json", ["x-api-key"] = wrk.apikey }, body)
end

function response(status, headers, body)
  if status == 202 then accepted = accepted + 1
  elseif status >= 500 then failed = failed + 1
  else refused = refused + 1 end
end

function done(summary, latency, requests)
  local accepted, refused, failed, sent = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("counter")
    accepted = accepted + thread:get("accepted")
    refused = refused + thread:get("refused")
    failed = failed + thread:get("failed")
  end
  io.write(string.format("RESULT sent=%d requests=%d accepted=%d refused=%d failed=%d socket_errors=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    sent, summary.requests, accepted, refused, failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
