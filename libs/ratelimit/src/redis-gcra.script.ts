// One script per request, so all its checks are decided and written atomically. KEYS are the buckets;
// ARGV holds, per bucket, its emission interval T and its limit. Time is the Redis server's (TIME), in
// integer microseconds: replicas' clocks never enter the decision. Numbers stay below 2^53, exact in
// Lua's doubles, and go out as '%.0f' strings because Lua 5.1's tostring would print 1.7e+15.
// Reply: { allowed (1|0), now, TAT before the request raised to now for each bucket }.
export const GCRA_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local bases, nexts = {}, {}
local allowed = 1
for i = 1, #KEYS do
  local interval = tonumber(ARGV[2 * i - 1])
  local limit = tonumber(ARGV[2 * i])
  local tat = nil
  for j = 1, i - 1 do
    if KEYS[j] == KEYS[i] then tat = nexts[j] end
  end
  if tat == nil then tat = tonumber(redis.call('GET', KEYS[i]) or now) end
  if tat < now then tat = now end
  bases[i] = tat
  nexts[i] = tat + interval
  if nexts[i] - interval * limit > now then allowed = 0 end
end
if allowed == 1 then
  for i = 1, #KEYS do
    -- The key lives exactly until its bucket is full again, when a missing key means the same thing.
    redis.call('SET', KEYS[i], string.format('%.0f', nexts[i]), 'PX', math.ceil((nexts[i] - now) / 1000))
  end
end
local reply = { allowed, string.format('%.0f', now) }
for i = 1, #KEYS do reply[#reply + 1] = string.format('%.0f', bases[i]) end
return reply
`;
