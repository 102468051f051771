-- wrk script: POST synthetic intake reports (unique reportIds per wrk thread) to Kaohsiung as the demo user intake.
-- All data is synthetic. Usage: wrk -t2 -c8 -d20s --latency -s benchmarks/wrk/intake.lua http://localhost:8181
local threadCounter = 0
function setup(thread)
  threadCounter = threadCounter + 1
  thread:set("tid", threadCounter)
end
counter = 0
local districts = {"sanmin","lingya","gushan","qianzhen","zuoying","nanzi","xiaogang","fengshan"}
request = function()
  counter = counter + 1
  local id = string.format("wrk-%s-%d-%d", tostring(tid), os.time(), counter)
  local d = districts[(counter % #districts) + 1]
  local part = ""
  if d == "fengshan" then part = ',"districtPart":"north"' end
  local body = '{"reportId":"' .. id .. '","receivedAt":"2026-11-20T02:00:00Z","caseType":"child-protection","district":"' .. d .. '"' .. part .. ',"children":[{"age":7}],"summary":"Synthetic load report.","source":"school"}'
  return wrk.format("POST", "/api/regions/kaohsiung/intake", {["Content-Type"]="application/json", ["Authorization"]="Basic aW50YWtlOmludGFrZQ=="}, body)
end
