-- The request mix wrk sends to the ledger in benchmarks/wrk-overhead.sh: the clerks' reads (a few
-- farmers looked up all day, so most lookups hit the Redis cache), lists and reports, and farmer
-- updates. No request adds rows, so the database is the same size at the end of every run.
local today = os.date("%Y-%m-%d")

-- cumulative shares out of 100
local mix = {
  { 70, function() return wrk.format("GET", "/api/v1/farmers/" .. (math.random(4) > 1 and math.random(40) or math.random(210))) end },
  { 78, function() return wrk.format("GET", "/api/v1/farmers?page=" .. math.random(10) .. "&size=20") end },
  { 85, function() return wrk.format("GET", "/api/v1/entries?farmerId=" .. math.random(200)) end },
  { 89, function() return wrk.format("GET", "/api/v1/reports/daily-summary?date=" .. today) end },
  { 92, function() return wrk.format("GET", "/api/v1/reports/farmer-statement/" .. math.random(200)) end },
  { 95, function() return wrk.format("GET", "/api/v1/notifications?limit=20") end },
  { 98, function()
      -- each farmer keeps a phone of its own: phones are unique
      local id = 100 + math.random(100)
      return wrk.format("PUT", "/api/v1/farmers/" .. id, { ["Content-Type"] = "application/json" },
        '{"name":"Kala Devi","phone":"+9198000' .. (10000 + id) .. '","village":"Hosur"}')
    end },
  { 100, function() return wrk.format("GET", "/health/detailed") end },
}

function init(args)
  math.randomseed(7)
end

function request()
  local roll = math.random(100)
  for _, entry in ipairs(mix) do
    if roll <= entry[1] then
      return entry[2]()
    end
  end
end

-- one line the script parses: requests, seconds, non-2xx/3xx and socket errors, latency percentiles in µs
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK requests=%d seconds=%.3f non2xx=%d errors=%d p50=%d p90=%d p99=%d\n",
    summary.requests, summary.duration / 1e6, summary.errors.status, errors,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
