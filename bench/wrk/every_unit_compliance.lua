-- Warm-up: every open unit's compliance once, the threads sharing the list out.
dofile("common.lua")
function init(args)
  start_walk(lines_of("UNITS"))
  auth = "Bearer " .. os.getenv("TOKEN")
end
request = function()
  return wrk.format("GET", "/api/v1/care-units/" .. next_in_walk() .. "/compliance", { ["Authorization"] = auth })
end
