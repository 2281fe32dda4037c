-- Contact cards of random open units, without If-None-Match: every answer is a 200 with the card.
dofile("common.lua")
function init(args)
  seed_random()
  units = lines_of("UNITS")
end
request = function()
  return wrk.format("GET", "/api/v1/contact-cards/" .. units[math.random(#units)])
end
