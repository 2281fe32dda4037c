-- Warm-up: every open unit's compliance once, each thread walking its own share of the list in order.
dofile("common.lua")
function init(args)
  units = lines_of("UNITS")
  auth = "Bearer " .. os.getenv("TOKEN")
  stride = tonumber(os.getenv("THREADS"))
  next_index = thread_index
end
request = function()
  local id = units[(next_index % #units) + 1]
  next_index = next_index + stride
  return wrk.format("GET", "/api/v1/care-units/" .. id .. "/compliance", { ["Authorization"] = auth })
end
