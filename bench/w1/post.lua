-- wrk script for workload W1: POSTs the order as JSON. The body file's path is the first
-- script argument (wrk … <url> -- <body file>), so every system gets the same bytes.
function init(args)
  local file = assert(io.open(args[1], "rb"))
  wrk.body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
