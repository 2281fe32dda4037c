-- Shared by the benchmark's wrk scripts: counts answers by status in every thread and prints one JSON
-- line at the end (requests, duration, p50/p99 latency, statuses, socket errors) for bench.py to read.
local threads = {}

-- Each thread knows its index (0, 1, ...), for scripts that share a list out between threads.
function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- Lines of a file named by an environment variable, in a table.
function lines_of(variable)
  local list = {}
  for line in io.lines(os.getenv(variable)) do
    if line ~= "" then table.insert(list, line) end
  end
  return list
end

-- A walk through a list in order, each thread taking every THREADS-th item from its own index, so that
-- the threads together read every item once per round.
function start_walk(list)
  walk_list = list
  walk_stride = tonumber(os.getenv("THREADS"))
  walk_next = thread_index
end

function next_in_walk()
  local item = walk_list[(walk_next % #walk_list) + 1]
  walk_next = walk_next + walk_stride
  return item
end

function seed_random()
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      merged[tostring(status)] = (merged[tostring(status)] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(merged) do
    table.insert(parts, string.format('"%s": %d', status, count))
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors,
    table.concat(parts, ", ")))
end
