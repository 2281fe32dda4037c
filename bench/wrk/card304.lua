-- Revalidation: random units with the ETag the client holds, so every answer is a 304 without a body.
dofile("common.lua")
function init(args)
  seed_random()
  cards = {}
  for _, line in ipairs(lines_of("ETAGS")) do
    local id, etag = line:match("^(%S+) (.+)$")
    table.insert(cards, { id = id, etag = etag })
  end
end
request = function()
  local card = cards[math.random(#cards)]
  return wrk.format("GET", "/api/v1/contact-cards/" .. card.id, { ["If-None-Match"] = card.etag })
end
