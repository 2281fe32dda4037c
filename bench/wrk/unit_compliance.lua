-- One unit's compliance today, for random open units, as a reader.
dofile("common.lua")
function init(args)
  seed_random()
  units = lines_of("UNITS")
  auth = "Bearer " .. os.getenv("TOKEN")
end
request = function()
  return wrk.format("GET", "/api/v1/care-units/" .. units[math.random(#units)] .. "/compliance",
    { ["Authorization"] = auth })
end
