-- Warm-up: every open unit's card once, each thread walking its own share of the list in order, as a
-- day of 1177 page views would; bench.py runs it long enough to go round the list at least once.
dofile("common.lua")
function init(args)
  units = lines_of("UNITS")
  stride = tonumber(os.getenv("THREADS"))
  next_index = thread_index
end
request = function()
  local id = units[(next_index % #units) + 1]
  next_index = next_index + stride
  return wrk.format("GET", "/api/v1/contact-cards/" .. id)
end
