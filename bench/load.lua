-- The member mix of the load test: every request is one member's action, picked by weight.
-- bench/load.py writes the data file this script reads (wrk ... -s bench/load.lua URL -- DATA_FILE):
-- { mix = {{action, weight}, ...}, pages = {action = {path, ...}},
--   members = {{cookie = "...", forms = {action = {{path, body}, ...}}}, ...} }
-- Actions with pages are GETs; the others POST a form the member's session signed.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  data = dofile(args[1])
  math.randomseed(number * 7919)
  wheel = {}
  sent = {}
  for _, entry in ipairs(data.mix) do
    for _ = 1, entry[2] do
      table.insert(wheel, entry[1])
    end
    sent[entry[1]] = 0
  end
  signed_out = 0
  refused = 0
  acknowledged = { needs = 0, messages = 0 }
end

local function pick(list)
  return list[math.random(#list)]
end

function request()
  local action = pick(wheel)
  local member = pick(data.members)
  sent[action] = sent[action] + 1
  local headers = { Cookie = member.cookie }
  if data.pages[action] then
    return wrk.format("GET", pick(data.pages[action]), headers)
  end
  local form = pick(member.forms[action])
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", form[1], headers, form[2])
end

-- wrk counts a redirect to the sign-in page and a form shown again with errors as successes; they are not.
-- A stored form redirects to what it made: load.py checks the database holds at least that many.
function response(status, headers, body)
  if status == 302 then
    local location = headers["Location"] or ""
    if string.find(location, "/login", 1, true) then
      signed_out = signed_out + 1
    elseif string.find(location, "/posts/%d+$") then
      acknowledged.needs = acknowledged.needs + 1
    elseif string.find(location, "/threads/%d+$") then
      acknowledged.messages = acknowledged.messages + 1
    end
  elseif status == 200 and string.find(body, 'class="errors"', 1, true) then
    refused = refused + 1
  end
end

-- One "name=value" per line for load.py; latencies in microseconds.
function done(summary, latency, requests)
  local totals = { signed_out = 0, refused = 0, acknowledged_needs = 0, acknowledged_messages = 0 }
  for _, thread in ipairs(threads) do
    totals.signed_out = totals.signed_out + thread:get("signed_out")
    totals.refused = totals.refused + thread:get("refused")
    local acknowledged = thread:get("acknowledged")
    totals.acknowledged_needs = totals.acknowledged_needs + acknowledged.needs
    totals.acknowledged_messages = totals.acknowledged_messages + acknowledged.messages
    for action, count in pairs(thread:get("sent")) do
      totals["sent_" .. action] = (totals["sent_" .. action] or 0) + count
    end
  end
  local errors = summary.errors
  local figures = {
    requests = summary.requests,
    duration_us = summary.duration,
    status_errors = errors.status,
    socket_errors = errors.connect + errors.read + errors.write + errors.timeout,
    p50_us = latency:percentile(50),
    p95_us = latency:percentile(95),
    p99_us = latency:percentile(99),
  }
  for name, value in pairs(figures) do
    io.write(string.format("%s=%d\n", name, value))
  end
  for name, value in pairs(totals) do
    io.write(string.format("%s=%d\n", name, value))
  end
end
