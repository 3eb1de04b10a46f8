-- One wrk script for every scenario of bench/run:
--   wrk -s bench/lua/scenario.lua URL -- <mode> [files and values]
-- Modes:
--   get <paths file>                       GET each path in turn
--   get_as <tokens file> <paths file>      the same, signed in with the first token
--   insert                                 POST /insert (the raw-insert baseline)
--   post_proposal <tokens file> <space>    POST /api/v1/spaces/<space>/proposals
--   support <tokens file> <ids file> <offset>
--                                          PUT /api/v1/proposals/<id>/support, a new
--                                          (user, proposal) pair per request from <offset>
--   comment <tokens file> <ids file>       POST /api/v1/proposals/<id>/comments
--   edit <tokens file> <edits file>        POST /api/v1/proposals/<id>/versions; run with
--                                          as many threads as connections: thread k owns
--                                          line k ("<id> <current version>") and follows
--                                          its version from the responses
-- Every thread counts its responses by status; done() prints one line
--   BENCH_JSON {"requests":..,"ok":..,"non_2xx":{..},"socket_errors":{..},
--               "duration_s":..,"rps":..,"p50_ms":..,"p99_ms":..}
-- where rps counts 2xx responses only, so errors never pass for throughput.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_index", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function lines(path)
  local out = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(out, line) end
  end
  if #out == 0 then error("empty file: " .. path) end
  return out
end

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end

-- About 3 KB of proposal text, and a shorter comment.
local paragraph = "Proponiamo di rendere il parco del quartiere accessibile a tutti, con panchine all'ombra, "
  .. "una fontanella e percorsi senza barriere architettoniche, gestiti con un patto di collaborazione "
  .. "tra comune, scuola e associazioni dei residenti."
local long_text = (paragraph .. "\n\n"):rep(12)
local comment_text = "Sono d'accordo con la proposta, ma chiederei di prevedere anche la manutenzione "
  .. "ordinaria nei mesi estivi e un incontro pubblico con i residenti prima dell'avvio dei lavori."

local mode, tokens, ids, paths, space, counter, edit_id, edit_version
ok, statuses, encoded_statuses = 0, {}, ""

function init(args)
  mode = args[1]
  counter = 0
  if mode == "get" then
    paths = lines(args[2])
  elseif mode == "get_as" then
    tokens, paths = lines(args[2]), lines(args[3])
  elseif mode == "insert" then
    -- nothing to read
  elseif mode == "post_proposal" then
    tokens, space = lines(args[2]), args[3]
  elseif mode == "support" then
    tokens, ids, counter = lines(args[2]), lines(args[3]), tonumber(args[4]) or 0
  elseif mode == "comment" then
    tokens, ids = lines(args[2]), lines(args[3])
  elseif mode == "edit" then
    tokens = lines(args[2])
    local edits = lines(args[3])
    local mine = edits[(thread_index % #edits) + 1]
    edit_id, edit_version = mine:match("^(%S+)%s+(%d+)$")
    edit_version = tonumber(edit_version)
  else
    error("unknown mode: " .. tostring(mode))
  end
end

local function bearer(token)
  return { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

function request()
  counter = counter + 1
  if mode == "get" then
    return wrk.format("GET", paths[(counter % #paths) + 1])
  elseif mode == "get_as" then
    return wrk.format("GET", paths[(counter % #paths) + 1], bearer(tokens[1]))
  elseif mode == "insert" then
    return wrk.format("POST", "/insert", { ["Content-Type"] = "application/json" }, "{}")
  elseif mode == "post_proposal" then
    local body = '{"title":' .. json_string("Proposta di carico numero " .. counter)
      .. ',"body":' .. json_string(long_text) .. '}'
    return wrk.format("POST", "/api/v1/spaces/" .. space .. "/proposals", bearer(tokens[(counter % #tokens) + 1]), body)
  elseif mode == "support" then
    -- Pair number n: user n mod U, proposal floor(n / U) mod P.
    local user = counter % #tokens
    local proposal = math.floor(counter / #tokens) % #ids
    return wrk.format("PUT", "/api/v1/proposals/" .. ids[proposal + 1] .. "/support", bearer(tokens[user + 1]), "")
  elseif mode == "comment" then
    local body = '{"body":' .. json_string(comment_text .. " (" .. counter .. ")") .. ',"alignment":"in_favor"}'
    return wrk.format("POST", "/api/v1/proposals/" .. ids[(counter % #ids) + 1] .. "/comments",
      bearer(tokens[(counter % #tokens) + 1]), body)
  elseif mode == "edit" then
    local body = '{"title":' .. json_string("Proposta in revisione") .. ',"body":'
      .. json_string(long_text .. "Revisione " .. (edit_version + 1)) .. ',"summary":"Revisione di carico","base_version":'
      .. edit_version .. '}'
    return wrk.format("POST", "/api/v1/proposals/" .. edit_id .. "/versions", bearer(tokens[1]), body)
  end
end

local function encode_statuses(map)
  local parts = {}
  for k, v in pairs(map) do table.insert(parts, k .. "=" .. v) end
  return table.concat(parts, ";")
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    local key = tostring(status)
    statuses[key] = (statuses[key] or 0) + 1
    -- wrk copies only plain values between its Lua states: done() reads
    -- the counts as one string.
    encoded_statuses = encode_statuses(statuses)
  end
  if mode == "edit" then
    -- 201: the new version; 409 stale_version: the current one.
    local number = body and (body:match('"number"%s*:%s*(%d+)') or body:match('"current_version"%s*:%s*(%d+)'))
    if number then edit_version = tonumber(number) end
  end
end

function done(summary, latency, requests)
  local total_ok, merged = 0, {}
  for _, thread in ipairs(threads) do
    total_ok = total_ok + (thread:get("ok") or 0)
    local encoded = thread:get("encoded_statuses")
    for k, v in string.gmatch(encoded or "", "(%d+)=(%d+)") do
      merged[k] = (merged[k] or 0) + tonumber(v)
    end
  end
  local non_2xx = {}
  for k, v in pairs(merged) do table.insert(non_2xx, '"' .. k .. '":' .. v) end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"ok":%d,"non_2xx":{%s},"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},'
      .. '"duration_s":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f}\n',
    summary.requests, total_ok, table.concat(non_2xx, ","), e.connect, e.read, e.write, e.timeout,
    seconds, total_ok / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
