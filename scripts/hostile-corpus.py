#!/usr/bin/env python3
"""Writes local/src/test/resources/hostile/corpus.jsonl: hostile requests against every public route.

Each line: {"id", "method", "path", "headers", "body" | "bodyHex" | "bodyRepeat", "status"?}. HostileInputIT
sends each to the local runtime and expects a 4xx (the given status when there is one) with a clear
error, no stack trace, and nothing enqueued or written. Placeholders in {{…}} are filled in by the test
(a valid API key, tokens and signatures that need the runtime's keys or the clock).
Run it again after adding cases: python3 scripts/hostile-corpus.py
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "local/src/test/resources/hostile/corpus.jsonl"
JSON = {"content-type": "application/json", "x-api-key": "{{apiKey}}"}
CSV = {"content-type": "text/csv", "x-api-key": "{{apiKey}}"}
KEY = {"x-api-key": "{{apiKey}}"}
FORM = {"content-type": "application/x-www-form-urlencoded"}
cases = []


def case(id, method, path, headers=None, status=None, **body):
    entry = {"id": id, "method": method, "path": path, "headers": headers or {}}
    entry.update(body)
    if status:
        entry["status"] = status
    cases.append(entry)


INJECTIONS = ["<script>alert(1)</script>", "' OR '1'='1' --", "\"; DROP TABLE touchpoint; --", "${jndi:ldap://x/a}",
              "../../../../etc/passwd", "%00", "{{7*7}}", "\u202e", "a\u0000b", "🙂" * 40]

# --- JSON routes: the same families of damage against each.
valid = {
    "/v1/feedback": {"externalId": "h-1", "channel": "web", "customer": {"email": "a@example.com"},
                     "answers": [{"questionId": "nps", "type": "nps", "value": 9}]},
    "/v1/interactions": {"id": "h-i1", "type": "service.completed", "occurredAt": "2026-01-01T10:00:00Z",
                         "customer": {"email": "a@example.com"}},
    "/v1/replies": {"profileId": "{{otherProfileId}}", "text": "Merhaba"},
}
valid["/v1/feedback/batch"] = {"submissions": [valid["/v1/feedback"]]}
# Bodies over a route's limit get 413: 64 KiB, and 1 MiB for a batch.
LIMIT = {"/v1/feedback/batch": 1024 * 1024}
for path, good in valid.items():
    name = path.split("/")[-1]
    text = json.dumps(good)
    limit = LIMIT.get(path, 64 * 1024)
    for i, broken in enumerate(["{", "[", "nul", "{\"a\":", text[: len(text) // 2], text + "}", text + text, "",
                                "   ", "\"just a string\"", "123", "null", "true", "[]", "{}", "{\"a\":1,}", "{'a':1}",
                                "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "/* c */ {}"]):
        case(f"{name}/malformed-{i}", "POST", path, JSON, body=broken, status=400)
    case(f"{name}/duplicate-key", "POST", path, JSON, body=text[:-1] + ", " + text[1:], status=400)
    case(f"{name}/deep-nesting", "POST", path, JSON, body="{\"a\":" + "[" * 2000 + "]" * 2000 + "}", status=400)
    case(f"{name}/huge-string", "POST", path, JSON, bodyRepeat={"prefix": "{\"x\":\"", "unit": "a", "count": max(300000, limit + 1000), "suffix": "\"}"}, status=413)
    case(f"{name}/huge-number", "POST", path, JSON, body="{\"x\":" + "9" * 400 + "}", status=400)
    case(f"{name}/huge-exponent", "POST", path, JSON, body="{\"x\":1e999999}", status=400)
    case(f"{name}/oversized-body", "POST", path, JSON, bodyRepeat={"prefix": "{\"x\":[", "unit": "1,", "count": max(60000, limit // 2 + 1000), "suffix": "1]}"}, status=413)
    case(f"{name}/invalid-utf8", "POST", path, JSON, bodyHex=("{\"x\":\"".encode() + b"\xc3\x28\xff\xfe" + b"\"}").hex(), status=400)
    case(f"{name}/overlong-utf8", "POST", path, JSON, bodyHex=("{\"x\":\"".encode() + b"\xc0\xaf" + b"\"}").hex(), status=400)
    case(f"{name}/raw-nul-byte", "POST", path, JSON, bodyHex=(text[:-1] + ",\"x\":\"a").encode().hex() + "00" + "\"}".encode().hex(), status=400)
    case(f"{name}/utf16-body", "POST", path, JSON, bodyHex=text.encode("utf-16").hex(), status=400)
    for ct in ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
               "application/json-patch+json", "text/json"]:
        case(f"{name}/content-type-{ct.split(';')[0].replace('/', '-')}", "POST", path,
             {"content-type": ct, "x-api-key": "{{apiKey}}"}, body=text, status=415)
    case(f"{name}/no-content-type", "POST", path, KEY, body=text, status=415)
    case(f"{name}/no-key", "POST", path, {"content-type": "application/json"}, body=text, status=401)
    case(f"{name}/wrong-key", "POST", path, {"content-type": "application/json", "x-api-key": "tp_wrong"}, body=text, status=401)
    case(f"{name}/key-with-space", "POST", path, {"content-type": "application/json", "x-api-key": " {{apiKey}}x"}, body=text, status=401)
    case(f"{name}/huge-key", "POST", path, {"content-type": "application/json", "x-api-key": "k" * 4000}, body=text, status=401)
    case(f"{name}/key-in-query", "POST", path + "?x-api-key={{apiKey}}", {"content-type": "application/json"}, body=text, status=401)
    case(f"{name}/unknown-field", "POST", path, JSON, body=json.dumps({**good, "isAdmin": True}), status=400)
    case(f"{name}/array-of-bodies", "POST", path, JSON, body=json.dumps([good, good]), status=400)

fb = valid["/v1/feedback"]
def feedback(id, **changes):
    body = json.loads(json.dumps(fb))
    for key, value in changes.items():
        if key.startswith("answer_"):
            body["answers"][0][key[7:]] = value
        elif key.startswith("customer_"):
            body["customer"][key[9:]] = value
        else:
            body[key] = value
    case("feedback/" + id, "POST", "/v1/feedback", JSON, body=json.dumps(body, ensure_ascii=False), status=400)

# Channel and answer-type names are matched without case or surrounding space (docs/decisions.md): "WEB " is web.
for i, bad in enumerate([5, None, "", "fax", ["web"], {"a": 1}, True]):
    feedback(f"channel-{i}", channel=bad)
for i, bad in enumerate(["9", 9.5, -1, 11, 1e3, None, [9], {"v": 9}, True, 2 ** 63]):
    feedback(f"nps-value-{i}", answer_value=bad)
for i, bad in enumerate(["", "x" * 200, None, 7]):
    feedback(f"question-id-{i}", answer_questionId=bad)
for i, bad in enumerate(["stars", "", None, 5]):
    feedback(f"answer-type-{i}", answer_type=bad)
for i, bad in enumerate(["not-an-email", "a@", "@example.com", "a@b@c", "a" * 300 + "@example.com", 5] + INJECTIONS[:4]):
    feedback(f"email-{i}", customer_email=bad)
for i, bad in enumerate(["abc", "+1", "+90555", "0" * 40, 905551112233] + INJECTIONS[:3]):
    feedback(f"phone-{i}", customer_phone=bad)
# An externalId is an opaque key (letters, digits and . _ : @ + - /), never a path: "../x" is a valid one.
for i, bad in enumerate([x for x in INJECTIONS if not x.startswith("../")]):
    feedback(f"external-id-injection-{i}", externalId=bad)
for i, bad in enumerate(INJECTIONS[:6]):
    feedback(f"touchpoint-injection-{i}", touchpoint=bad)
    feedback(f"survey-injection-{i}", surveyId=bad)
for i, bad in enumerate(["yesterday", "2026-13-45T10:00:00Z", "2999-01-01T00:00:00Z", 1700000000, "1970-01-01"]):
    feedback(f"submitted-at-{i}", submittedAt=bad)
for i, bad in enumerate(["Mars/Olympus", "<script>", 5]):
    feedback(f"time-zone-{i}", customer_timeZone=bad)
# One address, no markup, no separators (the email check's findings); and text that could never be stored:
# a lone surrogate or a non-character, written as the JSON escape a script would send (ensure_ascii).
for i, bad in enumerate(["a@example.com,b.example", "<img/src=x/onerror=alert(6)>@example.com", "a\u2028b@example.com",
                         "a@example.com;b@example.com", "Ayşe <ayse@example.com>"]):
    feedback(f"email-one-address-{i}", customer_email=bad)
def unstorable(id, path, body):
    case(id, "POST", path, JSON, body=json.dumps(body), status=400)
for i, text in enumerate(["a\udc00b", "\ud83d", "x\uffff", "\ufdd0"]):
    unstorable(f"feedback/unstorable-comment-{i}", "/v1/feedback",
               {**fb, "answers": [fb["answers"][0], {"questionId": "comment", "type": "text", "value": text}]})
    unstorable(f"feedback/unstorable-name-{i}", "/v1/feedback", {**fb, "customer": {"email": "a@example.com", "name": text}})
unstorable("interactions/unstorable-name", "/v1/interactions",
           {**{"id": "h-i1", "type": "service.completed", "occurredAt": "2026-01-01T10:00:00Z"}, "customer": {"email": "a@example.com", "name": "\udc00"}})
unstorable("replies/unstorable-text", "/v1/replies", {"profileId": "{{otherProfileId}}", "text": "Merhaba \udc00"})
# Answers are checked against the survey the submission names (issue 26).
feedback("survey-unknown-question", answers=[fb["answers"][0], {"questionId": "favourite-colour", "type": "text", "value": "blue"}], surveyId="post-service")
feedback("survey-missing-required-nps", answers=[{"questionId": "comment", "type": "text", "value": "no score"}], surveyId="post-service")
feedback("survey-wrong-type", answers=[{"questionId": "nps", "type": "csat", "value": 5}], surveyId="post-service")
feedback("survey-not-deployed", surveyId="post-delivery")
feedback("answers-not-array", answers="nps=9")
feedback("answers-empty", answers=[])
feedback("answers-too-many", answers=[{"questionId": f"q{i}", "type": "nps", "value": 5} for i in range(300)])
feedback("answers-duplicate-question", answers=[fb["answers"][0], fb["answers"][0]])
feedback("customer-not-object", customer="a@example.com")
feedback("text-too-long", answers=[{"questionId": "c", "type": "text", "value": "x" * 6000}])

for i, bad in enumerate([{"type": "Service Completed"}, {"occurredAt": "soon"}, {"delaySeconds": -5}, {"delaySeconds": 10 ** 9},
                         {"channels": ["fax"]}, {"channels": "sms"}, {"customer": {}}, {"surveyId": "../etc"}, {"id": ""},
                         {"id": "x" * 500}, {"surveyId": "no-such-survey"}]):
    body = {**valid["/v1/interactions"], **bad}
    case(f"interactions/field-{i}", "POST", "/v1/interactions", JSON, body=json.dumps(body), status=400)

for i, bad in enumerate([{"text": ""}, {"text": "x" * 3000}, {"channel": "fax", "text": "a"}, {"profileId": "../../x", "text": "a"},
                         {"responseId": "<script>", "text": "a"}, {"text": "a", "author": ""}, {"text": 5}]):
    body = {**valid["/v1/replies"], **bad}
    case(f"replies/field-{i}", "POST", "/v1/replies", JSON, body=json.dumps(body), status=400)
case("replies/another-customers-profile", "POST", "/v1/replies", JSON, body=json.dumps(valid["/v1/replies"]), status=404)

# --- A batch: what is not a list of 1 to 500 submissions is refused whole (a bad submission inside one is
# reported in its 202, per submission, so it is FeedbackBatchIT's, not a 4xx).
one = valid["/v1/feedback"]
for i, bad in enumerate([{"submissions": "x"}, {"submissions": []}, {"submissions": {"0": one}}, {"submissions": None},
                         {"submissions": [one], "extra": 1}, {"submission": [one]}, {"submissions": [one] * 501}]):
    case(f"batch/shape-{i}", "POST", "/v1/feedback/batch", JSON, body=json.dumps(bad), status=400)
case("batch/no-key", "POST", "/v1/feedback/batch", {"content-type": "application/json"}, body=json.dumps(valid["/v1/feedback/batch"]), status=401)
case("batch/publishable-key", "POST", "/v1/feedback/batch?publishableKey=pk_shop",
     {"content-type": "text/plain", "origin": "http://shop.example"}, body=json.dumps(valid["/v1/feedback/batch"]), status=401)

# --- CSV import.
header = "externalId,channel,touchpoint,surveyId,email,phone,customerExternalId,name,locale,submittedAt,nps,csat,ces,rating,comment"
for i, bad in enumerate(["", "a,b,c\n1,2,3\n", header.replace("nps", "NPS score") + "\nx,paper,,,,,,,,,9,,,,\n", "\"unclosed,quote\n" + header,
                         header + "\n\"unclosed,paper,,,,,,,,,9,,,,\n", header + "\n", "email,phone\na@example.com,\n",
                         "email,nps,Email\na@example.com,9,b@example.com\n"]):
    case(f"imports/bad-file-{i}", "POST", "/v1/imports", CSV, body=bad, status=400)
for i, channel in enumerate(["fax", "%3Cscript%3E", ""]):
    case(f"imports/default-channel-{i}", "POST", "/v1/imports?channel=" + channel, CSV, body="email,nps\na@example.com,9\n", status=400)
case("imports/json-instead", "POST", "/v1/imports", JSON, body="{}", status=415)
case("imports/no-key", "POST", "/v1/imports", {"content-type": "text/csv"}, body=header + "\n", status=401)
case("imports/oversized", "POST", "/v1/imports", CSV, bodyRepeat={"prefix": header + "\n", "unit": "x,paper,,,,,,,,,9,,,,\n", "count": 60000, "suffix": ""}, status=413)
case("imports/invalid-utf8", "POST", "/v1/imports", CSV, bodyHex=(header + "\nx,paper,,,,,,,,,9,,,,").encode().hex() + "ff", status=400)

# --- Read routes: ids and queries.
for i, bad in enumerate(["..%2F..%2Fetc%2Fpasswd", "%00", "'%20OR%201%3D1", "%3Cscript%3E", "x" * 300, "{{otherProfileId}}",
                         "00000000-0000-0000-0000-000000000000", "PROFILE%23x"]):
    case(f"profiles/id-{i}", "GET", "/v1/profiles/" + bad, KEY, status=404)
    case(f"profiles/export-id-{i}", "GET", "/v1/profiles/" + bad + "/export", KEY, status=404)
    case(f"profiles/delete-id-{i}", "DELETE", "/v1/profiles/" + bad, KEY, status=404)
case("profiles/id-no-key", "GET", "/v1/profiles/{{otherProfileId}}", {}, status=401)
case("profiles/delete-no-key", "DELETE", "/v1/profiles/{{otherProfileId}}", {}, status=401)
for i, query in enumerate(["", "email=", "email=not-an-email", "phone=abc", "email=a%40example.com&phone=%2B905551112233",
                           "externalId=" + "x" * 300, "email=%27%20or%201%3D1", "unknown=1"]):
    case(f"profiles/search-{i}", "GET", "/v1/profiles?" + query, KEY, status=400)
for i, query in enumerate(["from=2026-13-45", "to=yesterday", "from=2026-02-01&to=2026-01-01", "from=2000-01-01&to=2026-01-01",
                           "groupBy=%3Cscript%3E", "groupBy=channel%27--", "surveyId=..%2F..", "channel=%3Cscript%3E",
                           "channel=fax", "surveyId=no-such-survey", "channel="]):
    case(f"summary/query-{i}", "GET", "/v1/reports/summary?" + query, KEY, status=400)
case("summary/no-key", "GET", "/v1/reports/summary", {}, status=401)
for i, query in enumerate(["format=xml", "limit=0", "limit=-1", "limit=1000000", "limit=abc", "cursor=not-a-cursor",
                           "cursor=eyJQSyI6IlBST0ZJTEUjeCJ9", "from=2026-99-01", "from=2020-01-01&to=2026-01-01",
                           "surveyId=no-such-survey"]):
    case(f"responses/query-{i}", "GET", "/v1/responses?" + query, KEY, status=400)
case("responses/no-key", "GET", "/v1/responses", {}, status=401)

# --- Survey pages: forged, expired, tampered tokens; hostile touchpoints and forms.
for name in ["expiredToken", "forgedToken", "tamperedToken"]:
    case(f"survey/get-{name}", "GET", "/s/{{" + name + "}}", {}, status=404)
    case(f"survey/post-{name}", "POST", "/s/{{" + name + "}}", FORM, body="q_nps=9", status=404)
for i, bad in enumerate(["x", "x" * 500, "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "%00"]):
    case(f"survey/token-{i}", "GET", "/s/" + bad, {}, status=404)
for mode in ["k", "q"]:
    for i, bad in enumerate(["..%2F..%2Fetc", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x" * 200, "%00", "UPPER"]):
        case(f"{mode}/touchpoint-{i}", "GET", f"/{mode}/" + bad, {}, status=404)
    for i, form in enumerate(["q_nps=99", "q_nps=%3Cscript%3E", "q_nps=-1", "q_nps=9&q_nps=10", "", "q_comment=" + "x" * 6000,
                              "q_nps=9&q_favourite_colour=blue"]):
        case(f"{mode}/form-{i}", "POST", f"/{mode}/store-kadikoy", FORM, body=form, status=400)
    case(f"{mode}/json-instead-of-form", "POST", f"/{mode}/store-kadikoy", JSON, body="{\"q_nps\":9}", status=400)
    case(f"{mode}/unregistered-touchpoint", "POST", f"/{mode}/store-rival", FORM, body="form=00000000-0000-4000-8000-000000000000&q_nps=0", status=404)
for i, bad in enumerate(["..%2F..%2Fetc", "%3Cscript%3E", "x" * 200]):
    case(f"qr/id-{i}", "GET", "/v1/touchpoints/" + bad + "/qr.svg", {}, status=404)
    case(f"widget-survey/id-{i}", "GET", "/w/surveys/" + bad, {}, status=404)
    case(f"widget-script/survey-{i}", "GET", "/widget.js?survey=" + bad, {}, status=404)

# --- Widget: publishable keys outside their origins.
widget = {"content-type": "application/json", "x-publishable-key": "pk_shop", "origin": "http://evil.example"}
case("widget/other-origin", "POST", "/v1/feedback", widget, body=json.dumps({**fb, "channel": "web"}), status=401)
case("widget/no-origin", "POST", "/v1/feedback", {"content-type": "application/json", "x-publishable-key": "pk_shop"},
     body=json.dumps(fb), status=401)
case("widget/unknown-key", "POST", "/v1/feedback", {**widget, "x-publishable-key": "pk_nope", "origin": "http://shop.example"},
     body=json.dumps(fb), status=401)
case("widget/preflight-other-origin", "OPTIONS", "/v1/feedback", {"origin": "http://evil.example"}, status=403)
case("widget/preflight-no-origin", "OPTIONS", "/v1/feedback", {}, status=403)

# --- Provider webhooks: missing, wrong, replayed or truncated signatures.
twilio_form = "MessageSid=SMh1&From=%2B905550001122&To=%2B15550100&Body=9"
for i, (sig, body) in enumerate([(None, twilio_form), ("", twilio_form), ("bm9wZQ==", twilio_form),
                                  ("{{twilioSignatureOfOtherBody}}", twilio_form), ("{{twilioSignatureForOtherUrl}}", twilio_form),
                                  ("{{twilioSignatureTruncated}}", twilio_form), ("{{twilioSignatureOfOtherBody}}", ""),
                                  ("x" * 5000, twilio_form)]):
    headers = dict(FORM)
    if sig is not None:
        headers["x-twilio-signature"] = sig
    case(f"twilio/signature-{i}", "POST", "/webhooks/twilio", headers, body=body, status=403)
meta_event = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
for path in ["/webhooks/whatsapp", "/webhooks/messenger"]:
    name = path.split("/")[-1]
    for i, sig in enumerate([None, "", "sha256=" + "0" * 64, "sha1=abc", "{{metaSignatureOfOtherBody}}", "{{metaSignatureTruncated}}",
                             "sha256=zz", "x" * 5000]):
        headers = {"content-type": "application/json"}
        if sig is not None:
            headers["x-hub-signature-256"] = sig
        case(f"{name}/signature-{i}", "POST", path, headers, body=meta_event, status=403)
    for i, query in enumerate(["hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
                               "hub.mode=unsubscribe&hub.verify_token={{verifyToken}}&hub.challenge=1",
                               "hub.mode=subscribe&hub.verify_token={{verifyToken}}&hub.challenge=%3Cscript%3E", ""]):
        case(f"{name}/handshake-{i}", "GET", path + "?" + query, {}, status=403)

OUT.parent.mkdir(parents=True, exist_ok=True)
with OUT.open("w", encoding="utf-8") as out:
    for entry in cases:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
print(f"{len(cases)} cases in {OUT}")
