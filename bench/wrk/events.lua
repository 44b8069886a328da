-- wrk script: POST /v1/events batches of 100 distinct view events for random users and videos of a data set
-- seeded by Platform.LoadGen (--prefix PREFIX, ids PREFIX-uN and PREFIX-vN), the scenario LoadGen's
-- "--mix events:1 --batch 100 --skew 1" sends, so the two tools can be compared on the same server.
--   wrk -t2 -c8 -d20s -s bench/wrk/events.lua http://127.0.0.1:PORT -- PREFIX USERS VIDEOS
local prefix, users, videos = "p1", 20000, 20000
local counter = 0

function init(args)
  prefix = args[1] or prefix
  users = tonumber(args[2] or users)
  videos = tonumber(args[3] or videos)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local parts = {}
  for i = 1, 100 do
    counter = counter + 1
    parts[i] = string.format(
      '{"eventId":"%s-w%d-%d-%d","userId":"%s-u%d","videoId":"%s-v%d","type":"view","watchMs":%d}',
      prefix, math.random(1, 1000000000), counter, i, prefix, math.random(0, users - 1), prefix, math.random(0, videos - 1),
      math.random(1000, 30000))
  end
  return wrk.format(nil, "/v1/events", nil, '{"events":[' .. table.concat(parts, ",") .. ']}')
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx %d, events/s %.0f, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status, summary.requests * 100 / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
