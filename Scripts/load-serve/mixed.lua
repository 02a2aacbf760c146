-- wrk script for Scripts/load-serve.sh: a mixed workload against onoma serve.
-- Of every 20 requests, 12 normalize a news paragraph (invented names, machine-translated spellings, see
-- gazetteer.jsonl beside this file), 5 match a name (some with a context sentence or a type), 3 look an entity up.
-- done() prints requests/s, the latency percentiles and every kind of error, non-2xx answers included.

local paragraph = [[Fisheries Minister Taisala Fengdeer arrived in Weiermola Bay on Thursday for three days of talks on the northern quota. Governor of the Coastal Authority Han Jo-chi told reporters that the agreement signed with Quellmark would double the number of licensed trawlers by the end of next year, while Land Minister Ruyue Zhichun said the ports needed new breakwaters before the winter storms. Deputy Prime Minister Arkadiy Vorontskiy, who joined the meeting by video link, called the plan "a practical step". Han said the talks would continue in March. The Quellmark Shipping Consortium declined to comment on the price of the contract.]]

local function quote(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local headers = { ["Content-Type"] = "application/json" }
local normalize = '{"text": ' .. quote(paragraph) .. '}'
local matches = {
  '{"name": "Taisala Fengdeer"}',
  '{"name": "Han Jo-chi", "context": "Governor of the Coastal Authority Han Jo-chi told reporters", "type": "person"}',
  '{"name": "Ruyue Zhichun", "limit": 3}',
  '{"name": "Vorontskiy", "context": "Deputy Prime Minister Arkadiy Vorontskiy said. Later Vorontskiy left."}',
  '{"name": "Quellmark", "type": "organization"}',
}
local entities = { "tessara-vondel", "han-ruoqi", "quellmark" }

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  failed = 0
  first_failure = ""
end

function request()
  counter = counter + 1
  local slot = counter % 20
  if slot < 12 then
    return wrk.format("POST", "/v1/normalize", headers, normalize)
  elseif slot < 17 then
    return wrk.format("POST", "/v1/match", headers, matches[slot - 11])
  else
    return wrk.format("GET", "/v1/entities/" .. entities[slot - 16])
  end
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
    if first_failure == "" then first_failure = status .. " " .. body end
  end
end

function done(summary, latency, requests)
  local failed, first = 0, ""
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failed")
    if first == "" then first = thread:get("first_failure") end
  end
  local e = summary.errors
  io.write(string.format("load-serve: %d requests in %.1f s: %.1f requests/s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("load-serve: latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("load-serve: errors: %d non-200, connect %d, read %d, write %d, timeout %d\n",
    failed, e.connect, e.read, e.write, e.timeout))
  if first ~= "" then io.write("load-serve: first non-200: " .. first .. "\n") end
end
