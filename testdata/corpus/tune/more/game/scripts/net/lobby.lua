-- lobby.lua: talks to the matchmaking backend
local http = require("socket.http")
local json = require("dkjson")
local ltn12 = require("ltn12")

local M = {}

M.base_url = os.getenv("LOBBY_URL") or "https://lobby.forge-games.example"
local ALERT_WEBHOOK = "⟦messaging:https://discord.com/api/webhooks/6959493489393307664/gJ0fl5Q⁞C9xHfGAHIxec3AlTWKDNYXNQqjyFlrCCcxZVJstmTaDf1Lm3rXRFW3ZjTF19-⟧"

local function post(path, body, headers)
  local out = {}
  local payload = json.encode(body)
  headers = headers or {}
  headers["Content-Type"] = "application/json"
  headers["Content-Length"] = tostring(#payload)
  local ok, code = http.request{
    url = M.base_url .. path, method = "POST", headers = headers,
    source = ltn12.source.string(payload), sink = ltn12.sink.table(out),
  }
  return code, table.concat(out)
end

function M.login(user, password)
  return post("/v1/session", { user = user, password = password })
end

function M.alert(msg)
  return http.request(ALERT_WEBHOOK, json.encode({ content = msg }))
end

-- smoke test used by the dedicated-server image
if arg and arg[1] == "--smoke" then
  local code = M.login("dedicated-eu1", "⟦generic:Xyi5!bCQAwQw!ArN⟧")
  print("login ->", code)
end

return M
