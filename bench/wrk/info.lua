-- The baseline: a constant JSON answer of the same service, no database.
dofile("common.lua")
request = function()
  return wrk.format("GET", "/api/v1/info")
end
