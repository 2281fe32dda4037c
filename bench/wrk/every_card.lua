-- Warm-up: every open unit's card once, the threads sharing the list out, as a day of 1177 page views
-- would; bench.py runs it long enough to go round the list at least once.
dofile("common.lua")
function init(args)
  start_walk(lines_of("UNITS"))
end
request = function()
  return wrk.format("GET", "/api/v1/contact-cards/" .. next_in_walk())
end
