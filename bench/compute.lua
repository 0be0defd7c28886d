-- wrk script of bench/load.sh: POST /v1/compute with the declaration named by ANCRE_BENCH_BODY,
-- counting every answer that is not 200 as an error.
local f = assert(io.open(os.getenv("ANCRE_BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

local bad = 0
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("ancre: requests %d, duration_us %d, non200 %d, socket_errors %d\n",
    summary.requests, summary.duration, bad + summary.errors.status,
    e.connect + e.read + e.write + e.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("ancre: p%s %.3f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("ancre: max %.3f ms\n", latency.max / 1000))
end
